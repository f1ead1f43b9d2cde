/**
 * The console's own messages in English. Its shape is the contract for every other language:
 * `app.zh-TW.ts` is typed against it and zh-TW.spec.ts compares the keys.
 */
export const appEn = {
  app: { title: 'Branch certificate RA' },
  menu: { faq: 'FAQ' },
  settings: {
    language: 'Language',
    calendar: 'Date display',
    roc: 'ROC',
    gregorian: 'Gregorian',
  },
  dashboard: {
    title: 'Home',
    welcome: 'Welcome, %{name}',
    branch: 'Branch',
    role: 'Role',
    queryDate: 'Query date',
    queryTime: 'Query time',
  },
  signIn: {
    title: 'Staff sign-in',
  },
  faq: {
    title: 'Frequently asked questions',
    intro: 'What a message means and what to do about it. Message numbers of the old platform are shown next to them.',
    manualCode: 'Message no. %{code}',
    link: 'How to fix',
  },
  resources: {
    customers: {
      name: 'Customer |||| Customers',
      fields: {
        id: 'ID',
        idNumber: 'ID number',
        idKind: 'ID type',
        kind: 'Customer type',
        name: 'Name',
        email: 'E-mail',
        phone: 'Phone',
        homeBranchId: 'Home branch',
        homeBranch: { name: 'Home branch' },
        version: 'Version',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'ID number or name',
      },
      helpers: {
        idNumber: 'National ID, resident certificate number or unified business number',
      },
    },
    staff: {
      name: 'Staff account |||| Staff accounts',
      fields: {
        id: 'ID',
        username: 'Username',
        displayName: 'Display name',
        role: 'Role',
        branchId: 'Branch',
        branch: { name: 'Branch' },
        active: 'Active',
        lockedUntil: 'Locked until',
        password: 'Password',
        newPassword: 'New password',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Username or name',
      },
      helpers: {
        newPassword: 'Leave empty to keep the current password',
      },
    },
    branches: {
      name: 'Branch |||| Branches',
      fields: { id: 'ID', code: 'Branch code', name: 'Branch name' },
    },
  },
  enums: {
    CustomerKind: { INDIVIDUAL: 'Individual', BUSINESS: 'Business' },
    IdKind: {
      NATIONAL_ID: 'National ID',
      RESIDENT_ID: 'Resident certificate number',
      BUSINESS_NUMBER: 'Unified business number',
    },
    StaffRole: { TELLER: 'Teller', SUPERVISOR: 'Supervisor', ADMIN: 'Administrator' },
  },
};

/** The same tree with every leaf a string: what a translation of `appEn` must provide. */
export type AppCatalogue<T = typeof appEn> = {
  readonly [K in keyof T]: T[K] extends string ? string : AppCatalogue<T[K]>;
};
