import { SetMetadata } from '@nestjs/common';

export const SIGNED_OUT_ALLOWED = 'console:signed-out-allowed';

/** An `/api` route that answers signed-out callers itself (`GET /api/session`'s 401 SignedOutView). */
export const SignedOutAllowed = () => SetMetadata(SIGNED_OUT_ALLOWED, true);
