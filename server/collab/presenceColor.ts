const PALETTE = ['#b4235a', '#1f6feb', '#1a7f37', '#9a6700', '#8250df', '#bc4c00', '#0a7ea4', '#cf222e'];

/** A stable caret colour for a user, readable on white. */
export function presenceColor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1f6feb';
}
