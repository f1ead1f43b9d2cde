import { SerialSource, TokenStatus, TokenType } from '@app/contracts';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { FilteredListArgs, Paginated } from '../../common/dto/paginated';
import { MaxLen } from '../../common/max-length';
import { Token } from '../token.entity';

registerEnumType(SerialSource, { name: 'SerialSource' });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** CK_TOKEN_INFO.serialNumber is 16 printable characters; labels and barcodes may add a prefix. */
export const TOKEN_SERIAL = /^[\x21-\x7e]{1,32}$/;

@InputType()
export class RegisterTokenInput {
  @Field(() => ID, { description: 'The customer the token is handed to.' })
  @IsUUID('all', { context: { code: 'CUSTOMER_NOT_FOUND' } })
  customerId: string;

  @Field(() => TokenType)
  @IsIn(Object.values(TokenType))
  type: TokenType;

  @Field({ description: 'As the token reports it; surrounding blanks are dropped.' })
  @Transform(trim)
  @IsString()
  @Matches(TOKEN_SERIAL, { context: { code: 'TOKEN_SERIAL_INVALID' } })
  serial: string;

  @Field(() => SerialSource, { defaultValue: SerialSource.TYPED })
  @IsIn(Object.values(SerialSource))
  serialSource: SerialSource = SerialSource.TYPED;
}

@InputType()
export class TokenFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field({ nullable: true, description: 'Serial number prefix.' })
  @IsOptional()
  @IsString()
  @MaxLen(32)
  serial?: string;

  @Field(() => TokenType, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TokenType))
  type?: TokenType;

  @Field(() => TokenStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TokenStatus))
  status?: TokenStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class TokenListArgs extends FilteredListArgs(TokenFilter) {}

@ObjectType()
export class TokenList extends Paginated(Token) {}
