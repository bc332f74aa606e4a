/** How long each kind of e-mailed link stays valid, in minutes. */
export const tokenTtlMinutes = {
  confirm_email: 24 * 60,
  sign_in: 15,
  reset_password: 60,
  change_email: 24 * 60,
  invitation: 7 * 24 * 60,
} as const;

/** Absolute links for e-mails: the configured public address, or the address the request came to. */
export const absoluteUrl = (baseUrl: string, path: string) => `${baseUrl.replace(/\/$/, '')}${path}`;
