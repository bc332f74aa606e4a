import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordSchema } from './password.js';

const problem = (password: string) => {
  const result = passwordSchema.safeParse(password);
  return result.success ? undefined : result.error.issues[0]!.message;
};

describe('passwords people choose', () => {
  it('are at least 12 characters long', () => {
    expect(problem('frase corta')).toBe('password.tooShort');
    expect(problem('Ñandú-verde7')).toBeUndefined();
    expect(problem('x'.repeat(201))).toBe('password.tooLong');
  });

  it('are refused when common or breached, even with digits or symbols around them', () => {
    for (const password of [
      '123456789012',
      'qwertyuiopasdf',
      'password1234',
      'Password2024!',
      'contraseña2024',
      'iloveyou1234',
      'abcabcabcabc',
      'aaaaaaaaaaaa',
      '!!!!!!!!!!!!',
      'Superman12345',
      'teamo12345678',
      'Durango123456',
      'abcdefghijklm',
    ]) {
      expect(problem(password), password).toBe('password.common');
    }
  });

  it('accept a phrase or a password nobody else uses', () => {
    // Among them, the passwords the tests and browser journeys choose.
    const fixtures = [
      'una frase larga y segura',
      'mi contraseña de enlace',
      'contraseña nueva 456',
      'una frase larga de Rosa',
      'mi propia frase secreta',
      'una contraseña de administración',
      'una contraseña del plan de acción',
      'la contraseña de la revisora',
      'la contraseña del secretariado',
      'una contraseña de moderación',
    ];
    for (const password of [...fixtures, 'Tx9#qL2!vR8m', 'nopal azul en la azotea']) {
      expect(problem(password), password).toBeUndefined();
    }
    expect(isCommonPassword('caballo correcto batería grapa')).toBe(false);
  });
});
