import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { AuthProvider } from 'react-admin';
import type { Client } from '../data/apollo-client';
import { apiErrorCode, toApiError } from '../data/api-error';
import type { StaffUser } from '../data/api-types';
import { write } from '../data/resource-provider';
import { STAFF_FIELDS } from '../staff/staff.queries';
import { clearSession, readSession, saveSession, type Session } from './session';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const SIGN_IN: TypedDocumentNode<{ signIn: Session }, { input: { username: string; password: string } }> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      expiresAt
      staff {
        ...StaffUserFields
      }
    }
  }
  ${STAFF_FIELDS}
`;

/** Who is signed in, as the layout and the dashboard show it. */
export interface StaffIdentity {
  id: string;
  fullName: string;
  role: StaffUser['role'];
  branch: StaffUser['branch'];
}

/** Resources only some roles may open; the rest are open to every signed-in member of staff. */
const RESOURCE_ROLES: Readonly<Record<string, readonly StaffUser['role'][]>> = { staff: ['ADMIN'] };

/** Staff sign-in on the API's `signIn` mutation; the JWT lives in sessionStorage until sign-out. */
export function createAuthProvider(client: Client, translate: Translate): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      clearSession();
      try {
        const { signIn } = await write(client, SIGN_IN, { input: { username: String(username).trim(), password } });
        saveSession(signIn);
      } catch (error) {
        throw toApiError(error, translate);
      }
    },
    async logout() {
      clearSession();
      await client.clearStore();
    },
    async checkAuth() {
      if (!readSession()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: unknown) {
      const status = (error as { status?: number } | null)?.status;
      if (apiErrorCode(error) === 'UNAUTHENTICATED' || status === 401) {
        clearSession();
        throw new Error('ra.notification.logged_out');
      }
    },
    async getPermissions() {
      return readSession()?.staff.role ?? null;
    },
    async getIdentity(): Promise<StaffIdentity> {
      const session = readSession();
      if (!session) throw new Error('ra.auth.auth_check_error');
      const { id, displayName, role, branch } = session.staff;
      return { id, fullName: displayName, role, branch };
    },
    async canAccess({ resource }: { resource?: string }) {
      const allowed = resource ? RESOURCE_ROLES[resource] : undefined;
      const role = readSession()?.staff.role;
      return !allowed || (!!role && allowed.includes(role));
    },
  };
}
