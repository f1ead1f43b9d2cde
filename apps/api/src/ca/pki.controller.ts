import { toPem } from '@app/pki';
import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CaState } from './ca-state';
import { CrlPublisher } from './crl.publisher';
import { OcspResponder } from './ocsp.responder';

/** What relying parties fetch without signing in: the CA certificate, the chain, the CRL, OCSP. */
@Public()
@Controller('pki')
export class PkiController {
  constructor(
    private readonly state: CaState,
    private readonly crl: CrlPublisher,
    private readonly ocsp: OcspResponder,
  ) {}

  @Get('ca.crt')
  @Header('Content-Type', 'application/pkix-cert')
  caCertificate(@Res() res: Response): void {
    res.send(Buffer.from(this.state.ca.issuer.certificate.der));
  }

  @Get('chain.pem')
  @Header('Content-Type', 'application/pem-certificate-chain')
  chain(): string {
    const { issuer, root } = this.state.ca;
    return toPem(issuer.certificate.der, 'CERTIFICATE') + toPem(root.der, 'CERTIFICATE');
  }

  @Get('crl')
  async currentCrl(@Res() res: Response): Promise<void> {
    const record = await this.crl.current();
    res
      .type('application/pkix-crl')
      .setHeader(
        'Cache-Control',
        `public, max-age=${Math.max(0, Math.floor((record.nextUpdate.getTime() - Date.now()) / 1000) - 3600)}`,
      );
    res.send(record.der);
  }

  @Post('ocsp')
  @HttpCode(200)
  async answer(@Body() body: unknown, @Res() res: Response): Promise<void> {
    const der = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
    res.type('application/ocsp-response').send(Buffer.from(await this.ocsp.respond(der)));
  }
}
