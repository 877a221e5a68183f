/** What an operator may do: a viewer reads everything but contact details; an admin also changes things. */
export const CONSOLE_ROLES = ['viewer', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** The signed-in operator, as the backend knows them from their session. */
export interface ConsoleUser {
  /** Stable id: `local:<name>` or `oidc:<issuer>#<sub>`. */
  id: string;
  /** What the console shows: the local user name, or the provider's name or email claim. */
  name: string;
  roles: ConsoleRole[];
}

/** How one can sign in here (both may be on, e.g. locally with an identity provider configured). */
export interface SignInMethods {
  local: boolean;
  oidc: boolean;
}

/** `GET /api/session`: 200 when signed in. */
export interface SessionView {
  user: ConsoleUser;
  /** Sent back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: string;
  signIn: SignInMethods;
}

/** `GET /api/session` when nobody is signed in: 401 with this body, so the sign-in page knows what to offer. */
export interface SignedOutView {
  signIn: SignInMethods;
  /** For the local sign-in form's POST, which is protected like every other change. */
  csrfToken: string;
}

/** `POST /auth/local` body. */
export interface LocalSignIn {
  username: string;
  password: string;
}
