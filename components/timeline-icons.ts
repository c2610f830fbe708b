/**
 * Ids of a timeline entry's edit and remove icons: the Timeline draws each once, every entry's buttons
 * point to it. A plain module (no "use client"), so the server-rendered Timeline reads the same ids.
 */
export const ENTRY_ICONS = { edit: "timeline-icon-edit", remove: "timeline-icon-remove" } as const;
