import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, IsString } from 'class-validator';
import { MaxLen } from '../../common/max-length';
import { StaffUser } from '../../staff/staff-user.entity';

@InputType()
export class SignInInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLen(50)
  username: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLen(256)
  password: string;
}

@ObjectType()
export class SignInResult {
  @Field({ description: 'Bearer token for the Authorization header; short-lived.' })
  accessToken: string;

  @Field()
  expiresAt: Date;

  @Field(() => StaffUser)
  staff: StaffUser;
}
