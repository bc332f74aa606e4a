import { describe, expect, it } from 'vitest';
import { REDACTED, redactPerson } from './personal-data.js';

const subject = {
  emails: ['ana.rios@example.mx'],
  phones: ['+52 (618) 555-0199'],
  names: ['Ana Ríos Soto', 'Ana'],
};

describe('taking a person out of a text that stays', () => {
  it('replaces their e-mail (any case), their phone however it is typed, and their full name', () => {
    expect(
      redactPerson(
        'Soy ana ríos soto: ANA.RIOS@EXAMPLE.MX, tel. 618 555 0199 o +52 6185550199 o (618) 555-01-99.',
        subject,
      ),
    ).toBe(`Soy ${REDACTED}: ${REDACTED}, tel. ${REDACTED} o ${REDACTED} o ${REDACTED}.`);
  });

  it('leaves short names and other numbers alone', () => {
    expect(redactPerson('Mariana y Ana llamaron al 618 555 0100.', subject)).toBe(
      'Mariana y Ana llamaron al 618 555 0100.',
    );
  });
});
