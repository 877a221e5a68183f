import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const from = error.service ? `${error.service} answered` : `The console answered`;
    return `${from} ${error.status}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorMessage({ error }: { error: unknown }) {
  return (
    <p role="alert" className="error">
      {errorText(error)}
    </p>
  );
}

/** Loading and error states around what was loaded; children render once there is data. */
export function LoadState<T>({
  loaded,
  children,
  label,
}: {
  loaded: { data: T | undefined; error: unknown; loading: boolean };
  children: (data: T) => ReactNode;
  label: string;
}) {
  if (loaded.error !== undefined && loaded.data === undefined) return <ErrorMessage error={loaded.error} />;
  if (loaded.data === undefined) return <p className="muted">Loading {label}…</p>;
  return (
    <>
      {loaded.error !== undefined && <ErrorMessage error={loaded.error} />}
      {children(loaded.data)}
    </>
  );
}
