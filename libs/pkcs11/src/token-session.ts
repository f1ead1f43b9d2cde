import { type Session, SessionFlag, type Slot, UserType } from 'graphene-pk11';
import { DomainError } from '@app/contracts';
import { ckrName, toTokenError } from './ckr-errors';
import { guardPinTry, pinFailure, pinState, type PinState, type PinTryOptions } from './pin-state';
import { type Pkcs11Module } from './pkcs11-module';
import { findToken, readTokenInfo, type TokenInfo, type TokenListOptions, type TokenSelector } from './token-info';

/**
 * A read/write PKCS#11 session on one token, found by serial or label. Every call goes through the
 * token's queue in its module, so one PKCS#11 operation at a time reaches the token even when
 * several sessions or requests use it. Errors come out as DomainErrors (see `ckr-errors`).
 */
export class TokenSession {
  private open = true;

  private constructor(
    private readonly module: Pkcs11Module,
    private readonly slot: Slot,
    private readonly session: Session,
    private readonly options: TokenListOptions,
    /** The token's info when the session was opened. */
    readonly token: TokenInfo,
  ) {}

  /**
   * Opens a R/W session on the token `selector` names. Throws DomainError TOKEN_NOT_PRESENT when
   * no such token is present.
   */
  static async open(
    module: Pkcs11Module,
    selector: TokenSelector,
    options: TokenListOptions = {},
  ): Promise<TokenSession> {
    const { slot, info } = findToken(module, selector, options);
    return module.exclusive(queueKey(info), () => {
      try {
        const session = slot.open(SessionFlag.RW_SESSION | SessionFlag.SERIAL_SESSION);
        return new TokenSession(module, slot, session, options, info);
      } catch (e) {
        throw toTokenError(e);
      }
    });
  }

  /** The token's info now: flags and free memory change as the token is used. */
  info(): TokenInfo {
    return readTokenInfo(this.slot, this.options.typeRules);
  }

  /** The user PIN state from the token's current flags. */
  pinState(): PinState {
    return pinState(this.info().flags);
  }

  /**
   * Logs the user in with `pin` (C_Login CKU_USER). Refuses a locked token and a final try the
   * customer was not warned about before the PIN reaches the token. When the token is already
   * logged in (login state is per token, shared by every session of this process), it logs out
   * and in again so that the PIN is still checked. Throws DomainError TOKEN_PIN_INCORRECT /
   * TOKEN_PIN_LOCKED `{ countLow, finalTry, locked }`, TOKEN_PIN_FINAL_TRY, TOKEN_NOT_PRESENT, ….
   */
  async login(pin: string, options: PinTryOptions = {}): Promise<void> {
    await this.presentPin(options, (s) => {
      try {
        s.login(pin, UserType.USER);
      } catch (e) {
        if (ckrName(e) !== 'CKR_USER_ALREADY_LOGGED_IN') throw e;
        s.logout();
        s.login(pin, UserType.USER);
      }
    });
  }

  /** Logs the user out of the token (every session of this process on it becomes public). */
  async logout(): Promise<void> {
    await this.run((s) => {
      try {
        s.logout();
      } catch (e) {
        if (ckrName(e) !== 'CKR_USER_NOT_LOGGED_IN') throw e;
      }
    });
  }

  /** Closes the session; later calls fail. Safe to call twice. */
  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.module.exclusive(queueKey(this.token), () => {
      try {
        this.session.close();
      } catch {
        // The token may be gone already; the session is of no use either way.
      }
    });
  }

  /**
   * Runs `operation` on the graphene session when the token's earlier operations are done; maps
   * what it throws to a DomainError. For this library's token code: callers use the functions of
   * `key-pairs`, `token-csr` and `token-objects`.
   */
  run<T>(operation: (session: Session) => T | Promise<T>): Promise<T> {
    if (!this.open) return Promise.reject(new Error('TokenSession is closed'));
    return this.module.exclusive(queueKey(this.token), async () => {
      try {
        return await operation(this.session);
      } catch (e) {
        throw toTokenError(e);
      }
    });
  }

  /**
   * Like {@link run}, for the operations an ezSign makes the customer confirm with its button
   * (key generation, signing): on an EZSIGN token a cancelled operation (CKR_FUNCTION_CANCELED) is
   * the button not pressed in time, reported as TOKEN_BUTTON_TIMEOUT.
   */
  async runConfirmed<T>(operation: (session: Session) => T | Promise<T>): Promise<T> {
    try {
      return await this.run(operation);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'TOKEN_OPERATION_CANCELLED' && this.token.type === 'EZSIGN') {
        throw new DomainError('TOKEN_BUTTON_TIMEOUT', e.details);
      }
      throw e;
    }
  }

  /**
   * Runs a call that presents a PIN (C_Login, C_SetPIN) under the final-try rule, and reports a
   * PIN failure with the PIN state read right after it. The PIN stays in `call`'s closure.
   */
  async presentPin(options: PinTryOptions, call: (session: Session) => void): Promise<void> {
    await this.run((s) => {
      guardPinTry(this.pinState(), options);
      try {
        call(s);
      } catch (e) {
        throw pinFailure(toTokenError(e), this.pinStateAfterFailure());
      }
    });
  }

  private pinStateAfterFailure(): PinState {
    try {
      return this.pinState();
    } catch {
      return { countLow: false, finalTry: false, locked: false, toBeChanged: false };
    }
  }
}

function queueKey(token: TokenInfo): string {
  return `${token.serial}\u0000${token.label}`;
}
