import { Module } from '@nestjs/common';
import { KioskPairingService } from './kiosk-pairing.service';
import { KioskResolver } from './kiosk.resolver';

@Module({ providers: [KioskPairingService, KioskResolver], exports: [KioskPairingService] })
export class KioskModule {}
