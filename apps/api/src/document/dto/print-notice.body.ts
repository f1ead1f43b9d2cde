import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';

/** Body of `POST /documents/applications/:id/notice`. */
export class PrintNoticeBody {
  /** Kill the live password and print a new one. */
  @IsOptional()
  @IsBoolean()
  reissue?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
