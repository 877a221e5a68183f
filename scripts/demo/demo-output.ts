import type { ScoreSnapshot } from '@handoff/testing';

/** Where the operator console answers and how to sign in to it locally (README "Operator console"). */
export function consoleInvitation(baseUrl: string): string {
  return `Operator console: ${baseUrl}  (sign in as admin / handoff-admin, or viewer / handoff-viewer)`;
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function step(number: number, title: string): void {
  say(`\n${number}. ${title}`);
}

export function describeScore(view: ScoreSnapshot): string {
  const behaviour = view.behaviour.score.toFixed(1);
  return `behaviour ${behaviour}, fit ${view.fit.score} (grade ${view.fit.grade}), stage ${view.lifecycle.stage}`;
}

export function printFactors(factors: ScoreSnapshot['behaviour']['topFactors']): void {
  for (const factor of factors) say(`    ${factor.points.toFixed(1).padStart(6)}  ${factor.label} (${factor.ruleId})`);
}
