import { describe, expect, it } from '@jest/globals';
import type { StorageMedium } from '@app/contracts';
import type { OpenedApplication } from '../kiosk-queries';
import { mediumRefusal } from './application-medium';

const opened = (medium: StorageMedium): OpenedApplication => ({
  ticket: 't',
  application: { id: 'a', commonName: 'U139514691-00-261124', email: 'x@example.com.tw', medium, certType: 'FXML' },
});
const names: Record<StorageMedium, string> = { PC: 'PC（電腦）', IKEY: 'iKey 載具', EZSIGN: 'ezSign 載具' };

describe('mediumRefusal', () => {
  it('lets token applications into the token wizard and PC applications into the store wizard', () => {
    expect(mediumRefusal(opened('IKEY'), 'token', (m) => names[m])).toBeNull();
    expect(mediumRefusal(opened('EZSIGN'), 'token', (m) => names[m])).toBeNull();
    expect(mediumRefusal(opened('PC'), 'store', (m) => names[m])).toBeNull();
  });

  it('refuses the other kind with APPLICATION_MEDIUM_OTHER naming the medium the application wants', () => {
    expect(mediumRefusal(opened('PC'), 'token', (m) => names[m])).toMatchObject({
      code: 'APPLICATION_MEDIUM_OTHER',
      params: { medium: 'PC（電腦）' },
    });
    expect(mediumRefusal(opened('IKEY'), 'store', (m) => names[m])).toMatchObject({
      code: 'APPLICATION_MEDIUM_OTHER',
      params: { medium: 'iKey 載具' },
    });
  });
});
