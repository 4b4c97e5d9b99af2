/**
 * A suspicious message a member forwarded inline: the mail clients' markers
 * ("---------- Forwarded message ---------", "Begin forwarded message:",
 * "-----Original Message-----", Outlook's rule of underscores) in several
 * languages, then the forwarded headers, then its body.
 */
const MARKER_WORDS = [
  'forwarded message', 'original message', 'weitergeleitete nachricht', 'urspr[üu]ngliche nachricht', 'doorgestuurd bericht', 'oorspronkelijk bericht',
  'mensaje reenviado', 'mensaje original', 'mensagem encaminhada', 'mensagem reencaminhada', 'mensagem original', 'message transf[ée]r[ée]', "message d'origine",
  'message original', 'messaggio inoltrato', 'messaggio originale',
].join('|');

const BEGIN_WORDS = [
  'begin forwarded message', 'anfang der weitergeleiteten nachricht', 'begin doorgestuurd bericht', 'inicio del mensaje reenviado',
  'in[íi]cio da mensagem (?:reencaminhada|encaminhada)', 'd[ée]but du message (?:r[ée]exp[ée]di[ée]|transf[ée]r[ée])', 'inizio messaggio inoltrato',
].join('|');

export const FORWARD_MARKER = new RegExp(`(?:-{3,40}\\s{0,5}(?:${MARKER_WORDS})\\s{0,5}-{3,40}|(?:${BEGIN_WORDS})\\s*:|_{10,80}\\s{0,5}(?=\\n?\\s*(?:from|von|van|de|da)\\s*:))`, 'iu');

const HEADER_LINE = /^[>\s*]*(from|von|van|de|da|sent|date|datum|gesendet|verzonden|enviado|envoy[ée]|inviato|fecha|data|to|an|aan|para|[àa]|cc|subject|betreff|onderwerp|asunto|assunto|objet|oggetto|reply-to|antwort an|antwoord aan|responder a|r[ée]pondre [àa]|rispondi a)\s*:\s*(.*)$/iu;

const FIELD: Record<string, 'from' | 'subject' | 'replyTo' | 'date'> = {
  from: 'from', von: 'from', van: 'from', de: 'from', da: 'from',
  subject: 'subject', betreff: 'subject', onderwerp: 'subject', asunto: 'subject', assunto: 'subject', objet: 'subject', oggetto: 'subject',
  'reply-to': 'replyTo', 'antwort an': 'replyTo', 'antwoord aan': 'replyTo', 'responder a': 'replyTo', 'répondre à': 'replyTo', 'repondre a': 'replyTo', 'rispondi a': 'replyTo',
  sent: 'date', date: 'date', datum: 'date', gesendet: 'date', verzonden: 'date', enviado: 'date', envoyé: 'date', envoye: 'date', inviato: 'date', fecha: 'date', data: 'date',
};

export type InlineForward = { from: string; subject: string | null; replyTo: string | null; date: string | null; body: string };

/** `*Name* <a@b>` and `Name [mailto:a@b]` as clients write them, back to `Name <a@b>`. */
function cleanAddress(value: string): string {
  return value
    .replace(/\*/g, '')
    .replace(/\[mailto:([^\]]+)\]/i, '<$1>')
    .replace(/<mailto:([^>]+)>/i, '<$1>')
    .trim();
}

/** The first forwarded message in a member's text, or null when the text forwards nothing. */
export function findInlineForward(text: string): InlineForward | null {
  const marker = FORWARD_MARKER.exec(text);
  if (!marker) return null;
  const rest = text.slice(marker.index + marker[0].length).split(/\r?\n/);
  const found: InlineForward = { from: '', subject: null, replyTo: null, date: null, body: '' };
  let index = 0;
  while (index < rest.length && rest[index].trim() === '') index++;
  let headers = 0;
  for (; index < rest.length; index++) {
    let line = rest[index];
    // A header wrapped by the mail client: "From: Name <address" then "address>" on the next line.
    while (index + 1 < rest.length && /<[^>]*$/.test(line) && !HEADER_LINE.test(rest[index + 1])) line += ` ${rest[++index].trim()}`;
    const header = HEADER_LINE.exec(line);
    if (!header) {
      if (line.trim() === '' || headers > 0) break;
      continue;
    }
    headers++;
    const field = FIELD[header[1].toLowerCase()];
    if (field === 'from') found.from = cleanAddress(header[2]);
    else if (field === 'replyTo') found.replyTo = cleanAddress(header[2]);
    else if (field === 'subject') found.subject = header[2].trim();
    else if (field === 'date') found.date = header[2].trim();
  }
  const bodyLines = rest.slice(index);
  const quoted = bodyLines.filter((line) => line.trim() !== '').every((line) => /^\s*>/.test(line));
  found.body = (quoted ? bodyLines.map((line) => line.replace(/^\s*> ?/, '')) : bodyLines).join('\n').trim();
  return headers > 0 || found.body ? found : null;
}
