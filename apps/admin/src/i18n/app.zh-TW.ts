import type { AppCatalogue } from './app.en';

/** The console's own messages in Taiwan usage (帳號, 分行, 櫃員, 主管…). */
export const appZhTw: AppCatalogue = {
  app: { title: '分行憑證註冊管理系統' },
  menu: { faq: '常見問題' },
  settings: {
    language: '語言',
    calendar: '日期顯示',
    roc: '民國',
    gregorian: '西元',
  },
  dashboard: {
    title: '首頁',
    welcome: '%{name}，您好',
    branch: '分行',
    role: '角色',
    queryDate: '查詢日期',
    queryTime: '查詢時間',
  },
  signIn: {
    title: '員工登入',
  },
  faq: {
    title: '常見問題',
    intro: '各項訊息的意思與處理方式；舊平台的訊息代碼列在旁邊供對照。',
    manualCode: '訊息代碼 %{code}',
    link: '處理方式',
  },
  resources: {
    customers: {
      name: '客戶',
      fields: {
        id: '編號',
        idNumber: '證號',
        idKind: '證號類別',
        kind: '客戶類別',
        name: '姓名',
        email: '電子郵件',
        phone: '電話',
        homeBranchId: '往來分行',
        homeBranch: { name: '往來分行' },
        version: '版本',
        createdAt: '建立時間',
        updatedAt: '更新時間',
        q: '證號或姓名',
      },
      helpers: {
        idNumber: '身分證統一編號、居留證號或統一編號',
      },
    },
    staff: {
      name: '員工帳號',
      fields: {
        id: '編號',
        username: '帳號',
        displayName: '顯示名稱',
        role: '角色',
        branchId: '分行',
        branch: { name: '分行' },
        active: '啟用',
        lockedUntil: '鎖定至',
        password: '密碼',
        newPassword: '新密碼',
        createdAt: '建立時間',
        updatedAt: '更新時間',
        q: '帳號或姓名',
      },
      helpers: {
        newPassword: '留空表示不變更密碼',
      },
    },
    branches: {
      name: '分行',
      fields: { id: '編號', code: '分行代號', name: '分行名稱' },
    },
  },
  enums: {
    CustomerKind: { INDIVIDUAL: '個人', BUSINESS: '法人' },
    IdKind: {
      NATIONAL_ID: '身分證統一編號',
      RESIDENT_ID: '居留證號',
      BUSINESS_NUMBER: '統一編號',
    },
    StaffRole: { TELLER: '櫃員', SUPERVISOR: '主管', ADMIN: '系統管理員' },
  },
};
