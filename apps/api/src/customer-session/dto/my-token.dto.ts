import { TokenStatus, TokenType } from '@app/contracts';
import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { MaxLen } from '../../common/max-length';

@ArgsType()
export class MyTokenArgs {
  @Field({ description: 'The serial the token in the reader reports (CK_TOKEN_INFO.serialNumber, trimmed).' })
  @IsString()
  @MaxLen(32)
  serial: string;
}

@ObjectType({ description: "The session customer's own registered token, as the counter recorded it." })
export class MyToken {
  @Field(() => TokenType)
  type: TokenType;

  @Field()
  serial: string;

  @Field(() => TokenStatus)
  status: TokenStatus;
}
