import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('language of a message', () => {
  it('names English, German, Spanish and Portuguese messages by their ISO 639-1 code', () => {
    expect(detectLanguage('my card keeps getting declined, what do i do')).toBe('en');
    expect(detectLanguage('Ich habe mein Passwort vergessen und komme nicht mehr rein')).toBe('de');
    expect(detectLanguage('me cobraron dos veces este mes, quiero que me devuelvan el dinero')).toBe('es');
    expect(detectLanguage('esqueci minha senha e não consigo entrar na minha conta')).toBe('pt');
  });

  it('answers English when there is nothing to tell a language by', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('1234 !!!')).toBe('en');
  });
});
