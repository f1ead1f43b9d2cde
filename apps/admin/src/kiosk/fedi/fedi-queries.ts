/** The GraphQL documents of the FEDI conversion and the shapes it reads from them. */

export const FEDI_CERTIFICATES = `query($input: FediCertificatesInput!) {
  fediCertificates(input: $input) { index serialHex commonName notBefore notAfter problem }
}`;
export const START_FEDI = `mutation($input: StartFediConversionInput!) {
  startFediConversion(input: $input) { challengeId toBeSigned }
}`;
export const PROVE_FEDI = `mutation($input: ChallengeAnswerInput!) {
  proveFediCertificate(input: $input) { ticket commonName email }
}`;
export const SUBMIT_FEDI = `mutation($input: SubmitFediConversionInput!) {
  submitFediConversion(input: $input) { application { commonName } enrolment { session } }
}`;

export interface FediListed {
  readonly index: number;
  readonly serialHex: string;
  readonly commonName: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** The error code saying why it cannot be converted; null when it can. */
  readonly problem: string | null;
}

export interface FediGrant {
  readonly ticket: string;
  /** The CN the new FXML pair gets, `<ID>-<seq>-<YYYYMMDD>`. */
  readonly commonName: string;
  readonly email: string | null;
}
