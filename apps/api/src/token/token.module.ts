import { Module } from '@nestjs/common';
import { CaModule } from '../ca/ca.module';
import { TokenResolver } from './token.resolver';
import { TokenService } from './token.service';

@Module({ imports: [CaModule], providers: [TokenService, TokenResolver], exports: [TokenService] })
export class TokenModule {}
