import { SEED_BRANCH_IDS } from './branches.data';

/**
 * Demo customers: individuals with national IDs (the first two are the platform manual's examples),
 * two holders of new-form resident certificates and five businesses. Every ID number passes the
 * checks of @app/domain (see libs/domain/src/seed-data.spec.ts). Names, phone numbers and e-mail
 * addresses are made up for demonstrations and tests.
 */
export interface SeedCustomer {
  readonly id: string;
  /** Normalised national ID, resident certificate number or unified business number. */
  readonly idNumber: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly homeBranchId: string;
}

const { HEAD_OFFICE, TAICHUNG } = SEED_BRANCH_IDS;

// prettier-ignore
export const SEED_CUSTOMERS: readonly SeedCustomer[] = [
  { id: '00000000-0000-4000-8000-00000000c001', idNumber: 'U139514691', name: '王小明', email: 'wang.hsiaoming@example.com.tw', phone: '0912345678', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c002', idNumber: 'F246061918', name: '林美華', email: 'lin.meihua@example.com.tw', phone: '0922876543', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c003', idNumber: 'A105377552', name: '王大明', email: 'wang.taming@example.com.tw', phone: '0995895152', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c004', idNumber: 'F228779079', name: '林美惠', email: 'lin.meihui@example.com.tw', phone: '0934001632', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c005', idNumber: 'A215921617', name: '陳怡君', email: 'chen.yichun@example.com.tw', phone: '0969955386', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c006', idNumber: 'A140404234', name: '林志明', email: 'lin.chihming@example.com.tw', phone: '0984128758', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c007', idNumber: 'F114680094', name: '張家豪', email: 'chang.chiahao@example.com.tw', phone: '0971484031', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c008', idNumber: 'A218013274', name: '李雅婷', email: 'li.yating@example.com.tw', phone: '0918952838', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c009', idNumber: 'H140867596', name: '黃冠宇', email: 'huang.kuanyu@example.com.tw', phone: '0928897628', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c010', idNumber: 'F206687018', name: '吳佩珊', email: 'wu.peishan@example.com.tw', phone: '0934006657', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c011', idNumber: 'A186194766', name: '劉建宏', email: 'liu.chienhung@example.com.tw', phone: '0925012812', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c012', idNumber: 'E283614203', name: '蔡淑芬', email: 'tsai.shufen@example.com.tw', phone: '0932331119', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c013', idNumber: 'F145054855', name: '楊承翰', email: 'yang.chenghan@example.com.tw', phone: '0965543479', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c014', idNumber: 'A200252356', name: '許雅雯', email: 'hsu.yawen@example.com.tw', phone: '0900032042', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c015', idNumber: 'G193196838', name: '鄭文傑', email: 'cheng.wenchieh@example.com.tw', phone: '0912741021', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c016', idNumber: 'A284982199', name: '謝欣怡', email: 'hsieh.hsinyi@example.com.tw', phone: '0984116823', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c017', idNumber: 'F165203443', name: '郭俊宏', email: 'kuo.chunhung@example.com.tw', phone: '0937368037', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c018', idNumber: 'H232638752', name: '洪詩涵', email: 'hung.shihhan@example.com.tw', phone: '0939879232', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c019', idNumber: 'A195415287', name: '曾柏翰', email: 'tseng.pohan@example.com.tw', phone: '0939938173', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c020', idNumber: 'C258124472', name: '邱靜宜', email: 'chiu.chingyi@example.com.tw', phone: '0989095573', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c021', idNumber: 'F105844339', name: '廖偉倫', email: 'liao.weilun@example.com.tw', phone: '0969348643', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c022', idNumber: 'A215600926', name: '賴佳穎', email: 'lai.chiaying@example.com.tw', phone: '0969653396', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c023', idNumber: 'J182827066', name: '周宗翰', email: 'chou.tsunghan@example.com.tw', phone: '0928915555', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c024', idNumber: 'O256507876', name: '徐婉婷', email: 'hsu.wanting@example.com.tw', phone: '0951115751', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c025', idNumber: 'B134405548', name: '王俊傑', email: 'wang.chunchieh@example.com.tw', phone: '0915166521', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c026', idNumber: 'B294728975', name: '陳淑惠', email: 'chen.shuhui@example.com.tw', phone: '0913626815', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c027', idNumber: 'L166006595', name: '林家銘', email: 'lin.chiaming@example.com.tw', phone: '0908283427', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c028', idNumber: 'B276853724', name: '張雅琪', email: 'chang.yachi@example.com.tw', phone: '0974971705', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c029', idNumber: 'N196152271', name: '李宗憲', email: 'li.tsunghsien@example.com.tw', phone: '0900184745', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c030', idNumber: 'L279803591', name: '黃怡萱', email: 'huang.yihsuan@example.com.tw', phone: '0999802476', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c031', idNumber: 'B166429509', name: '吳承恩', email: 'wu.chengen@example.com.tw', phone: '0946046184', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c032', idNumber: 'M271869427', name: '蘇美玲', email: 'su.meiling@example.com.tw', phone: '0930319890', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c033', idNumber: 'N182501659', name: '葉志豪', email: 'yeh.chihhao@example.com.tw', phone: '0974448146', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c034', idNumber: 'B287024275', name: '莊雅筑', email: 'chuang.yachu@example.com.tw', phone: '0903577770', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c035', idNumber: 'K162474417', name: '呂明哲', email: 'lu.mingche@example.com.tw', phone: '0931222925', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c036', idNumber: 'L213711336', name: '江佩君', email: 'chiang.peichun@example.com.tw', phone: '0901774913', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c037', idNumber: 'B107146047', name: '何國華', email: 'ho.kuohua@example.com.tw', phone: '0960128761', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c038', idNumber: 'P212189815', name: '蕭宜庭', email: 'hsiao.yiting@example.com.tw', phone: '0964498129', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c039', idNumber: 'N187270417', name: '羅振宇', email: 'lo.chenyu@example.com.tw', phone: '0933426406', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c040', idNumber: 'B203789691', name: '高珮瑜', email: 'kao.peiyu@example.com.tw', phone: '0958438455', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c041', idNumber: 'D145211054', name: '簡士傑', email: 'chien.shihchieh@example.com.tw', phone: '0989213561', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c042', idNumber: 'L252510293', name: '游惠如', email: 'yu.huiju@example.com.tw', phone: '0945934086', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c043', idNumber: 'Q114950160', name: '詹家瑋', email: 'chan.chiawei@example.com.tw', phone: '0982559144', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c044', idNumber: 'B205711922', name: '施雅惠', email: 'shih.yahui@example.com.tw', phone: '0980462286', homeBranchId: TAICHUNG },
  // Resident certificates, new form (letter + 8/9 + 8 digits).
  { id: '00000000-0000-4000-8000-00000000c045', idNumber: 'A831767400', name: '山田太郎', email: 'yamada.taro@example.com.tw', phone: '0990194920', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c046', idNumber: 'E987836209', name: '阮氏秋', email: 'nguyen.thithu@example.com.tw', phone: '0967889842', homeBranchId: TAICHUNG },
  // Businesses (unified business numbers); 40092476 is valid only by the 7th-digit-7 rule.
  { id: '00000000-0000-4000-8000-00000000c047', idNumber: '39654294', name: '永興精密工業股份有限公司', email: 'yonghsing.service@example.com.tw', phone: '0910255526', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c048', idNumber: '66453209', name: '福爾摩沙貿易有限公司', email: 'formosa-trading.info@example.com.tw', phone: '0914397231', homeBranchId: HEAD_OFFICE },
  { id: '00000000-0000-4000-8000-00000000c049', idNumber: '16858227', name: '大安國際物流股份有限公司', email: 'taan-logistics.finance@example.com.tw', phone: '0960142049', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c050', idNumber: '40092476', name: '春日食品股份有限公司', email: 'chunjih-foods.account@example.com.tw', phone: '0969416568', homeBranchId: TAICHUNG },
  { id: '00000000-0000-4000-8000-00000000c051', idNumber: '96238559', name: '青山資訊科技股份有限公司', email: 'chingshan-tech.it@example.com.tw', phone: '0906602840', homeBranchId: HEAD_OFFICE },
];
