import type { RepProfile } from '../directory.types';
import { describeWindows, localTime, minutesOf, weekdayLabel, weekdayOf, windowsOn, zoneOf } from './local-time';

export interface WorkingHoursVerdict {
  inside: boolean;
  /** e.g. `local time 19:12 Tue in Europe/Berlin, hours 09:00-17:00`. */
  detail: string;
}

/** Whether `now` falls in one of the rep's windows for that weekday, read on the rep's own wall clock. */
export function workingHoursAt(rep: RepProfile, now: string): WorkingHoursVerdict {
  const local = localTime(now, rep);
  const weekday = weekdayOf(local);
  const zone = zoneOf(rep) === rep.timeZone ? rep.timeZone : `UTC (unknown time zone ${rep.timeZone})`;
  const clock = `local time ${local.toFormat('HH:mm')} ${weekdayLabel(weekday)} in ${zone}`;
  const windows = windowsOn(rep, weekday);
  if (windows.length === 0) return { inside: false, detail: `${clock}, no hours on ${weekdayLabel(weekday)}` };
  const minute = local.hour * 60 + local.minute + (local.second + local.millisecond / 1000) / 60;
  const inside = windows.some((window) => minute >= minutesOf(window.start) && minute < minutesOf(window.end));
  return { inside, detail: `${clock}, ${inside ? 'within' : 'hours'} ${describeWindows(windows)}` };
}
