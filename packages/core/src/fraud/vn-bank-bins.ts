/**
 * NAPAS bank identification numbers (6 digits) of the main Vietnamese banks, as used in VietQR and interbank
 * transfers. Versioned data: a correction is a new version, never an edit in place.
 */
export interface VnBank {
  readonly bin: string;
  /** The short name people write: "VCB", "Techcombank"… */
  readonly shortName: string;
  readonly name: string;
  /** Other ways reporters write the bank, compared without case, spaces or diacritics. */
  readonly aliases: readonly string[];
}

export const vnBankTable = {
  version: '2026-12-08',
  /** Fraud brief §2: the official NAPAS list was not found; these BINs come from public VietQR bank lists. */
  source: 'public VietQR bank lists, not checked against an official NAPAS or SBV publication [unverified]',
  verified: false,
} as const;

const bank = (bin: string, shortName: string, name: string, ...aliases: string[]): VnBank => ({
  bin,
  shortName,
  name,
  aliases,
});

export const vnBanks: readonly VnBank[] = [
  bank('970436', 'Vietcombank', 'Ngân hàng TMCP Ngoại thương Việt Nam', 'VCB'),
  bank('970415', 'VietinBank', 'Ngân hàng TMCP Công thương Việt Nam', 'ICB', 'CTG'),
  bank('970418', 'BIDV', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam'),
  bank('970405', 'Agribank', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam', 'VBA'),
  bank('970407', 'Techcombank', 'Ngân hàng TMCP Kỹ thương Việt Nam', 'TCB'),
  bank('970422', 'MB', 'Ngân hàng TMCP Quân đội', 'MB Bank', 'MBBank'),
  bank('970416', 'ACB', 'Ngân hàng TMCP Á Châu'),
  bank('970432', 'VPBank', 'Ngân hàng TMCP Việt Nam Thịnh Vượng', 'VPB'),
  bank('970403', 'Sacombank', 'Ngân hàng TMCP Sài Gòn Thương Tín', 'STB'),
  bank('970423', 'TPBank', 'Ngân hàng TMCP Tiên Phong', 'TPB'),
  bank('970441', 'VIB', 'Ngân hàng TMCP Quốc tế Việt Nam'),
  bank('970443', 'SHB', 'Ngân hàng TMCP Sài Gòn – Hà Nội'),
  bank('970437', 'HDBank', 'Ngân hàng TMCP Phát triển TP. Hồ Chí Minh', 'HDB'),
  bank('970440', 'SeABank', 'Ngân hàng TMCP Đông Nam Á', 'SEAB'),
  bank('970448', 'OCB', 'Ngân hàng TMCP Phương Đông'),
  bank('970426', 'MSB', 'Ngân hàng TMCP Hàng Hải Việt Nam', 'Maritime Bank'),
  bank('970431', 'Eximbank', 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam', 'EIB'),
  bank('970449', 'LPBank', 'Ngân hàng TMCP Lộc Phát Việt Nam', 'LienVietPostBank', 'LPB'),
  bank('970428', 'Nam A Bank', 'Ngân hàng TMCP Nam Á', 'NAB'),
  bank('970409', 'Bac A Bank', 'Ngân hàng TMCP Bắc Á', 'BAB'),
  bank('970425', 'ABBANK', 'Ngân hàng TMCP An Bình', 'ABB'),
  bank('970412', 'PVcomBank', 'Ngân hàng TMCP Đại Chúng Việt Nam', 'PVCB'),
  bank('970429', 'SCB', 'Ngân hàng TMCP Sài Gòn'),
  bank('970400', 'Saigonbank', 'Ngân hàng TMCP Sài Gòn Công Thương', 'SGB'),
  bank('970452', 'KienlongBank', 'Ngân hàng TMCP Kiên Long', 'KLB'),
  bank('970419', 'NCB', 'Ngân hàng TMCP Quốc Dân'),
  bank('970433', 'VietBank', 'Ngân hàng TMCP Việt Nam Thương Tín'),
  bank('970438', 'BaoViet Bank', 'Ngân hàng TMCP Bảo Việt', 'BVB'),
  bank('970427', 'VietABank', 'Ngân hàng TMCP Việt Á', 'VAB'),
  bank('970454', 'Viet Capital Bank', 'Ngân hàng TMCP Bản Việt', 'BVBank'),
  bank('970430', 'PGBank', 'Ngân hàng TMCP Thịnh vượng và Phát triển', 'PGB'),
  bank('970414', 'OceanBank', 'Ngân hàng TNHH MTV Việt Nam Hiện Đại', 'MBV'),
  bank('970408', 'GPBank', 'Ngân hàng TNHH MTV Dầu Khí Toàn Cầu', 'GPB'),
  bank('970406', 'DongA Bank', 'Ngân hàng TNHH MTV Đông Á', 'DAB', 'Vikki'),
  bank('970424', 'Shinhan Bank', 'Ngân hàng TNHH MTV Shinhan Việt Nam', 'SHBVN'),
  bank('970457', 'Woori Bank', 'Ngân hàng TNHH MTV Woori Việt Nam', 'Woori'),
];
