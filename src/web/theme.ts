/** WCAG relative luminance contrast of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** The brand is configuration: one colour, served as a tiny stylesheet so the CSP needs no inline styles. */
export function themeCss(brandColor: string): string {
  return `:root{--brand:${brandColor}}\n`;
}
