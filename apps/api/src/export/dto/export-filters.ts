import { ApplicationStatus, CertificateStatus, CertificateType, CertificateUsage, StorageMedium } from '@app/contracts';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { MaxLen } from '../../common/max-length';

const invalid = { context: { code: 'FIELD_INVALID' } };

/** Query parameters of /exports/certificates.csv. */
export class CertificateExportFilter {
  @IsOptional()
  @IsIn(Object.values(CertificateStatus), invalid)
  status?: CertificateStatus;

  @IsOptional()
  @IsIn(Object.values(CertificateUsage), invalid)
  usage?: CertificateUsage;

  @IsOptional()
  @IsIn(Object.values(StorageMedium), invalid)
  medium?: StorageMedium;

  @IsOptional()
  @IsUUID('all', invalid)
  branchId?: string;

  @IsOptional()
  @IsUUID('all', invalid)
  customerId?: string;

  /** Start of the Common Name, e.g. an ID number. */
  @IsOptional()
  @IsString()
  @MaxLen(64)
  commonName?: string;

  /** The customer's ID number, as typed (normalised before use). */
  @IsOptional()
  @IsString()
  @MaxLen(20)
  idNumber?: string;

  /** As the certificate list takes it: hexadecimal, with or without colons or spaces. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F:\s]{1,80}$/, invalid)
  serialHex?: string;

  @IsOptional()
  @Type(() => Date)
  @IsDate(invalid)
  statusChangedBefore?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate(invalid)
  notAfterFrom?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate(invalid)
  notAfterTo?: Date;
}

/** Query parameters of /exports/applications.csv. */
export class ApplicationExportFilter {
  /** Start of the Common Name (an ID number prefix), as in the application list. */
  @IsOptional()
  @IsString()
  @MaxLen(64)
  q?: string;

  @IsOptional()
  @IsIn(Object.values(ApplicationStatus), invalid)
  status?: ApplicationStatus;

  @IsOptional()
  @IsIn(Object.values(CertificateType), invalid)
  certType?: CertificateType;

  @IsOptional()
  @IsIn(Object.values(StorageMedium), invalid)
  medium?: StorageMedium;

  @IsOptional()
  @IsUUID('all', invalid)
  branchId?: string;

  @IsOptional()
  @IsUUID('all', invalid)
  customerId?: string;

  @IsOptional()
  @Type(() => Date)
  @IsDate(invalid)
  createdFrom?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate(invalid)
  createdTo?: Date;
}
