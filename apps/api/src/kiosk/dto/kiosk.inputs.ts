import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { MaxLen } from '../../common/max-length';

@ArgsType()
export class KioskCodeArgs {
  @Field({ description: 'The kiosk code, e.g. K0060000-01.' })
  @IsString()
  @IsNotEmpty()
  @MaxLen(32)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { context: { code: 'FIELD_INVALID' } })
  kioskCode: string;
}
