import { MAX_MEMBERS, type RepairPart, type RepairView } from '@twofold/shared';
import type { RepairPartRow, RepairRow } from '../store/repairs.ts';

/** True once both members have written their side: the moment both sides open together. */
export const repairOpen = (parts: readonly RepairPartRow[]) =>
  new Set(parts.map((part) => part.userId)).size >= MAX_MEMBERS;

/**
 * One repair as this viewer may see it. Their own side is always theirs to read; the partner's
 * is left out entirely (null, not blanked) until both have written — the same reveal as
 * check-ins and letters sealed together, decided here for every route.
 */
export function repairView(repair: RepairRow, parts: readonly RepairPartRow[], viewerId: string): RepairView {
  const open = repairOpen(parts);
  return {
    id: repair.id,
    topic: repair.topic,
    startedBy: repair.startedBy,
    startedAt: repair.startedAt,
    writtenBy: [...new Set(parts.map((part) => part.userId))],
    openedAt: open ? Math.max(...parts.map((part) => part.writtenAt)) : null,
    entries: parts.map((row) => ({
      userId: row.userId,
      writtenAt: row.writtenAt,
      part: open || row.userId === viewerId ? (JSON.parse(row.part) as RepairPart) : null,
    })),
    nextTime:
      repair.nextTime !== null && repair.nextTimeBy !== null && repair.nextTimeAt !== null
        ? { text: repair.nextTime, by: repair.nextTimeBy, at: repair.nextTimeAt }
        : null,
  };
}

/** Every repair in the space, newest first, each as the viewer may see it. */
export function repairHistory(
  repairs: readonly RepairRow[],
  parts: readonly RepairPartRow[],
  viewerId: string,
): RepairView[] {
  const byRepair = new Map<string, RepairPartRow[]>();
  for (const part of parts) {
    const list = byRepair.get(part.repairId) ?? [];
    list.push(part);
    byRepair.set(part.repairId, list);
  }
  return repairs.map((repair) => repairView(repair, byRepair.get(repair.id) ?? [], viewerId));
}
