import type { Manifest, Overlay } from './manifests';

/** One convention the rendered manifests must keep: returns what breaks it, empty when it holds. */
export interface Check {
  name: string;
  /** Overlays it applies to; all when absent. */
  overlays?: readonly Overlay[];
  problems(manifests: Manifest[]): string[];
}
