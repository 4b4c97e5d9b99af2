import { describe, expect, it } from 'vitest';
import { scanMessage } from './scan-message.ts';
import type { ScanInput, SignalCode } from './scan.types.ts';

const brand = { name: 'Reelhouse', domains: ['reelhouse.example'] };
const official = 'Reelhouse <no-reply@reelhouse.example>';

function email(body: string, extra: Partial<ScanInput> = {}): ScanInput {
  return { channel: 'email', from: official, subject: 'Your account', body, ...extra };
}
const codes = (input: ScanInput): SignalCode[] => scanMessage(input, brand).signals.map((signal) => signal.code);
const evidence = (input: ScanInput, code: SignalCode): string | undefined => scanMessage(input, brand).signals.find((signal) => signal.code === code)?.evidence;

describe('scanMessage: links', () => {
  it('flags a link off the official domains and quotes it', () => {
    const input = email('Review your plan at https://plans-review.example.net/rh');
    expect(codes(input)).toContain('off_domain_link');
    expect(evidence(input, 'off_domain_link')).toContain('plans-review.example.net');
  });

  it('keeps links to the official domain and its subdomains, and app-free text, legit', () => {
    expect(scanMessage(email('See https://www.reelhouse.example/account and help.reelhouse.example/household'), brand)).toMatchObject({ verdict: 'legit', signals: [] });
  });

  it('flags an HTML link whose text shows the official site but whose href goes elsewhere', () => {
    const input = email('Sign in to your account.', { links: [{ href: 'https://collect.example.org/x', text: 'https://www.reelhouse.example/login' }] });
    expect(evidence(input, 'off_domain_link')).toBe('https://collect.example.org/x (shows www.reelhouse.example but goes to collect.example.org)');
  });

  it('quotes the most telling link: a disguised one before a plain foreign one', () => {
    const input = email('Hi', { links: [{ href: 'https://news.example.org/', text: 'our partner' }, { href: 'https://collect.example.org/x', text: 'www.reelhouse.example/account' }] });
    expect(evidence(input, 'off_domain_link')).toContain('shows www.reelhouse.example but goes to collect.example.org');
  });

  it('flags shorteners, bare addresses and redirects out of the official domain', () => {
    expect(evidence(email('Details: bit.ly/3abc'), 'off_domain_link')).toContain('shortener');
    expect(evidence(email('Details: http://203.0.113.9/login'), 'off_domain_link')).toContain('bare address');
    expect(evidence(email('Details: https://www.reelhouse.example/out?to=https://evil.example.com/'), 'off_domain_link')).toContain('redirects');
  });

  it('takes the brand\'s own page on an app store or social network for a footer, not a stranger\'s site', () => {
    expect(codes(email('Get the app: https://apps.apple.com/app/reelhouse/id1 and https://www.instagram.com/reelhouse'))).toEqual([]);
    expect(codes(email('Get the app: https://www.instagram.com/free.films.now'))).toContain('off_domain_link');
  });

  it('reads a bare domain in the prose of the service\'s own mail as a mention, but as a link in a stranger\'s mail or a text', () => {
    const reply = 'It was not from us: the link in it went to reelhouse-billing.com, which is not ours.';
    expect(codes(email(reply))).toEqual([]);
    expect(codes(email(reply, { from: 'Help <help@freemail.example>' }))).toEqual(expect.arrayContaining(['off_domain_link', 'lookalike_domain']));
    expect(codes({ channel: 'sms', from: 'Reelhouse', body: 'Reelhouse: pay at reelhouse-billing.com/pay' })).toContain('lookalike_domain');
  });

  it('reads links out of an HTML part when no links are given', () => {
    expect(codes(email('Click below', { html: '<p><a href="https://pay.example.biz/">Pay</a></p>' }))).toContain('off_domain_link');
  });
});

describe('scanMessage: lookalike domains', () => {
  it.each([
    ['the brand in a combo domain', 'https://reelhouse-billing.com/pay'],
    ['the official domain as a subdomain of another', 'http://reelhouse.example.verify-now.top/login'],
    ['a swapped pair of letters', 'https://reelhuose.com/'],
    ['a digit for a letter', 'http://reelh0use-pay.com/'],
    ['Cyrillic letters', 'http://rееlhouse.com/'],
    ['punycode of a confusable', 'http://xn--rlhouse-7gga.com/'],
  ])('flags %s', (_, link) => {
    expect(codes(email(`Open ${link}`))).toEqual(expect.arrayContaining(['off_domain_link', 'lookalike_domain']));
  });

  it('does not take an unrelated domain or the official one for a lookalike', () => {
    expect(codes(email('Open https://weather.example.com/today'))).not.toContain('lookalike_domain');
    expect(codes(email('Open https://mail.reelhouse.example/'))).not.toContain('lookalike_domain');
  });

  it('checks sender and Reply-To domains too', () => {
    expect(codes(email('Hello', { from: 'Reelhouse <team@reelhouse-team.net>' }))).toEqual(expect.arrayContaining(['lookalike_domain', 'odd_sender']));
  });
});

describe('scanMessage: senders', () => {
  it('marks the brand\'s name on another domain, a Reply-To elsewhere and a failed DMARC as odd', () => {
    expect(evidence(email('Hi', { from: 'Reelhouse Billing <billing@freemail.example>' }), 'odd_sender')).toContain('"Reelhouse Billing" sends from freemail.example');
    expect(evidence(email('Hi', { replyTo: 'desk@freemail.example' }), 'odd_sender')).toContain('replies go to desk@freemail.example');
    expect(evidence(email('Hi', { authentication: { dmarc: 'fail' } }), 'odd_sender')).toContain('DMARC failed');
  });

  it('takes the brand\'s own SMS id and a call the member asked for as the service, a number as odd', () => {
    expect(codes({ channel: 'sms', from: 'Reelhouse', body: 'Reelhouse: your code is 4821.' })).toEqual([]);
    expect(codes({ channel: 'call_transcript', from: 'Reelhouse Support (call requested in app)', body: 'Agent: Hello.' })).toEqual([]);
    expect(codes({ channel: 'sms', from: '+1 (555) 010-2233', body: 'Reelhouse: your code is 4821.' })).toEqual(['odd_sender']);
    // A number that never names the brand is someone else's business: not being the service is no sign (check6-genuine).
    expect(codes({ channel: 'sms', from: '+1 (555) 010-2233', body: 'Hi mum, new phone.' })).toEqual([]);
  });

  it('hears a caller or writer present themselves as the brand in several languages, not a friend who names it', () => {
    const stranger = (body: string) => scanMessage({ channel: 'call_transcript', from: 'Numéro masqué', body }, brand).verdict;
    expect(stranger('Appelant : Bonjour, ici la sécurité Reelhouse.')).toBe('suspicious');
    expect(stranger('Anrufer: Hier ist der technische Support von Reelhouse.')).toBe('suspicious');
    expect(stranger('Llamante: Le llamo del departamento de seguridad de Reelhouse.')).toBe('suspicious');
    expect(scanMessage(email('¿Has visto la nueva serie de Reelhouse? Es buenísima.', { from: 'Ana <ana@mail.example>' }), brand).verdict).toBe('legit');
  });

  it('takes a number to dial for a fake support line, whoever the sender claims to be, but not a call-back to the member', () => {
    const input = email('Your annual plan renewed for $299.00. If you did not authorise this, call 1-888-555-0163.');
    expect(scanMessage(input, brand)).toMatchObject({ verdict: 'suspicious', signals: [{ code: 'odd_sender', evidence: expect.stringContaining('asks to call 1-888-555-0163') }] });
    expect(codes(email('Llame al +34 910 000 000 para cancelar el cargo.'))).toEqual(['odd_sender']);
    expect(codes(email('Your call is booked: we will call you on +44 7700 900123 at 14:00.'))).toEqual([]);
  });

  it('is suspicious when a stranger speaks as the brand, but not when a friend mentions it', () => {
    expect(scanMessage({ channel: 'sms', from: '+1 555 010 4455', body: 'Reelhouse: unusual activity. Call us on +1 555 010 4455.' }, brand).verdict).toBe('suspicious');
    expect(scanMessage(email('I finally got Reelhouse Premium, come over Saturday!', { from: 'Tom <tom@mail.example>' }), brand).verdict).toBe('legit');
  });
});

describe('scanMessage: what is asked for', () => {
  it('flags a card, a password and a code asked for, in several languages', () => {
    expect(codes({ channel: 'call_transcript', from: 'Unknown', body: 'Caller: Can you give me the card number and the three digits on the back?' })).toContain('asks_card');
    expect(codes(email('Please reply with the full number of the card on your account.'))).toContain('asks_card');
    expect(codes({ channel: 'call_transcript', from: 'Unknown', body: 'Caller: And what is your current password?' })).toContain('asks_password');
    expect(codes({ channel: 'sms', from: '+44 7700 900111', body: 'Reply with the 6-digit code we just sent you.' })).toContain('asks_code');
    expect(codes({ channel: 'call_transcript', from: '+49 30 0000', body: 'Anrufer: Nennen Sie mir bitte den Bestätigungscode aus der SMS.' })).toContain('asks_code');
    expect(codes(email('Introduzca su número de tarjeta en https://pago.example.net/', { from: 'x@pago.example.net' }))).toContain('asks_card');
    expect(codes(email('Saisissez votre mot de passe sur https://connexion.example.net/'))).toContain('asks_password');
  });

  it('hears "what is your password" and "reply to this email with" in other languages', () => {
    expect(codes({ channel: 'call_transcript', from: 'Numéro masqué', body: 'Appelant : Quel est votre mot de passe actuel ?' })).toContain('asks_password');
    expect(codes(email('Bitte antworten Sie auf diese E-Mail mit Ihrem Passwort.'))).toContain('asks_password');
    expect(codes(email('Bitte antworten Sie nicht auf diese E-Mail.'))).toEqual([]);
  });

  it('reads a code named in the sentence before "can you read it to me"', () => {
    expect(codes({ channel: 'call_transcript', from: 'Unknown', body: 'Caller: We just texted you a verification code. Can you read it to me?' })).toContain('asks_code');
  });

  it('does not take safety notices, codes to type on the TV or the in-app service code for requests', () => {
    expect(codes(email('Your sign-in code is 482913. Never share this code with anyone; we will never ask for your password.'))).toEqual([]);
    expect(codes(email('Enter the code 4471 on your TV within 15 minutes.'))).toEqual([]);
    expect(codes(email('Gib diesen Code niemals weiter.'))).toEqual([]);
    expect(codes({ channel: 'call_transcript', from: 'Reelhouse Support (call requested in app)', body: 'Agent: Could you read me the service code shown under Help in your app?' })).toEqual([]);
  });

  it('flags typing a secret into a page only when the message links off the official domains', () => {
    expect(codes(email('Enter your card number at https://card-check.example.net/'))).toContain('asks_card');
    expect(codes(email('Update your card number at https://www.reelhouse.example/account/payment'))).not.toContain('asks_card');
  });
});

describe('scanMessage: threats, money, remote access, prizes, spelling', () => {
  it('flags a threat tied to a deadline or a condition, not a plain deadline or an option', () => {
    expect(codes(email('Your account will be suspended within 24 hours unless you pay.'))).toContain('urgent_threat');
    expect(codes(email('Ihr Konto wird heute gesperrt.'))).toContain('urgent_threat');
    expect(codes(email('This link expires in 24 hours.'))).toEqual([]);
    expect(codes(email('You can cancel any time, right now or later.'))).toEqual([]);
  });

  it('flags paying with gift cards, crypto or a wire, not a gift card bought or redeemed', () => {
    expect(codes(email('Buy two $100 gift cards and send us the codes.'))).toContain('gift_card_or_crypto_or_wire');
    expect(codes(email('Send $45 in Bitcoin to our wallet.'))).toContain('gift_card_or_crypto_or_wire');
    expect(codes(email('Realice una transferencia bancaria a la cuenta de abajo.'))).toContain('gift_card_or_crypto_or_wire');
    expect(codes(email('Your gift card has been redeemed: $50 was added to your balance.'))).toEqual([]);
    expect(codes(email('Buy a Reelhouse gift card at https://www.reelhouse.example/gift and send it by email.'))).toEqual([]);
    expect(codes(email('Pay the balance with a Reelhouse gift card and send us the code on the back.'))).toContain('gift_card_or_crypto_or_wire');
    expect(codes(email('Jordan sent you a gift card worth $30. Your gift card PIN is 4432-1123-8890.'))).toEqual([]);
    expect(codes(email('Send the Reelhouse gift card code to your friend by email.'))).toEqual([]);
  });

  it('flags remote-access apps', () => {
    expect(codes({ channel: 'call_transcript', from: 'Unknown', body: 'Caller: Please download AnyDesk so our engineer can help.' })).toContain('remote_access_software');
    expect(codes(email('Installez un logiciel de prise de contrôle à distance.'))).toContain('remote_access_software');
  });

  it('flags prizes to claim, not a film that won awards', () => {
    expect(codes(email('You have won a free year! Claim your prize here.'))).toContain('prize_claim');
    expect(codes(email('Hai vinto 6 mesi gratis!'))).toContain('prize_claim');
    expect(codes(email('The thriller that won three awards is now streaming.'))).toEqual([]);
  });

  it('flags misspellings and a misspelt brand name, never in links', () => {
    expect(codes(email('Pleas verifiy your acount.'))).toContain('spelling_errors');
    expect(codes(email('Thank you for choosing Reelhuose.'))).toContain('spelling_errors');
    expect(codes(email('Watch at https://www.reelhouse.example/title/1'))).not.toContain('spelling_errors');
  });
});

describe('scanMessage: verdict', () => {
  it('calls a message with several strong signs phish and gives a score between 0 and 1', () => {
    const result = scanMessage(email('Your account will be closed today. Confirm your password at https://reelhouse-login.com/', { from: 'Reelhouse <x@reelhouse-login.com>' }), brand);
    expect(result.verdict).toBe('phish');
    expect(result.score).toBeGreaterThan(0.6);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('keeps a message with only pressing words and nothing to act on legit', () => {
    const result = scanMessage(email('Last chance, lucky winner! Your free month will be cancelled today unless you pleas open the app.'), brand);
    expect(result.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['urgent_threat', 'spelling_errors']));
    expect(result.verdict).toBe('legit');
    expect(result.score).toBeLessThan(0.35);
  });

  it('keeps a genuine payment reminder with only official links legit', () => {
    const body = 'We could not collect your payment. If we cannot collect it by 20 June, your membership will be cancelled. Update your payment method at https://www.reelhouse.example/account/payment. We will never ask for your card number by email.';
    expect(scanMessage(email(body), brand)).toEqual({ verdict: 'legit', score: 0, signals: [] });
  });

  it('judges each signal against the configured brand, not the demo one', () => {
    const other = { name: 'Watchly', domains: ['watchly.com'] };
    expect(scanMessage({ channel: 'email', from: 'Watchly <hi@watchly.com>', body: 'See https://watchly.com/plans' }, other).verdict).toBe('legit');
    expect(scanMessage({ channel: 'email', from: 'Watchly <hi@watchly-plans.com>', body: 'See https://watchly-plans.com/' }, other).signals.map((s) => s.code)).toContain('lookalike_domain');
  });
});

describe('scanMessage: other senders and scripts without spaces', () => {
  it('keeps another organisation\'s or a friend\'s mail that never names the brand legit, links to other sites and all', () => {
    const bank = { channel: 'email' as const, from: 'ING <noreply@ing.nl>', subject: 'Je maandoverzicht', body: 'Je overzicht staat klaar op https://mijn.ing.nl. ING vraagt nooit om je pincode.' };
    expect(scanMessage(bank, brand)).toEqual({ verdict: 'legit', score: 0, signals: [] });
    const courier = { channel: 'sms' as const, from: 'DHL', body: 'DHL: Ihr Paket kommt heute. Zustellung ändern: https://www.dhl.de/aendern' };
    expect(scanMessage(courier, brand).verdict).toBe('legit');
    // What it asks for still counts, whoever it borrows.
    expect(scanMessage({ ...bank, body: 'Reply to this email with your password and the code we sent you.' }, brand).verdict).not.toBe('legit');
    // Naming the brand anywhere, even in Japanese text, makes the stranger's links count again.
    expect(codes({ channel: 'sms', from: '+81 90-1234-5678', body: '【Reelhouse】お支払いが確認できませんでした。https://bit.ly/3rhJp' })).toContain('off_domain_link');
  });

  it('reads Japanese requests, safety notices and numbers to call with no spaces between words', () => {
    const sms = (body: string): ScanInput => ({ channel: 'sms', from: '+81 80-2222-3333', body });
    expect(codes(sms('Reelhouseです。お客様の携帯に届いた６桁の認証コードをこのメッセージに返信してください。'))).toEqual(['asks_code', 'odd_sender']);
    expect(codes(sms('Reelhouse会員様、更新に問題があります。0120-555-123までお電話ください。'))).toEqual(['odd_sender']);
    expect(scanMessage(sms('Reelhouse会員様、更新に問題があります。0120-555-123までお電話ください。'), brand).verdict).toBe('suspicious');
    expect(codes({ channel: 'sms', from: 'Reelhouse', body: 'Reelhouse: あなたの認証コードは 902311 です。このコードを誰にも教えないでください。' })).toEqual([]);
  });

  it('reads Polish requests on folded text (ł, ą, ę) and Polish safety notices', () => {
    expect(codes(email('Aby go otrzymać, proszę odpowiedzieć na tę wiadomość, podając numer karty i datę ważności.'))).toEqual(['asks_card']);
    expect(codes({ channel: 'call_transcript', from: 'Nieznany numer', body: 'Dzwoniący: Wysłaliśmy Panu kod SMS. Proszę mi go podać.\nDzwoniący: Dzwonię z Reelhouse.' })).toContain('asks_code');
    expect(codes({ channel: 'sms', from: 'Reelhouse', body: 'Reelhouse: Twój kod weryfikacyjny to 310552. Nie udostępniaj go nikomu.' })).toEqual([]);
  });
});

describe('scanMessage: strangers speaking as the brand in Japanese and Polish, and one-word replies', () => {
  it('hears "【Reelhouse】", "Reelhouse…の田中です" and "dzwonię z … Reelhouse" as the brand speaking', () => {
    const from = { channel: 'call_transcript' as const, from: 'Unknown' };
    for (const body of ['Reelhouseカスタマーセンターの田中です。お支払いの件でご連絡しました。', 'Dzwonię z działu bezpieczeństwa Reelhouse w sprawie konta.']) {
      expect(scanMessage({ ...from, body }, brand).verdict).toBe('suspicious');
    }
    expect(scanMessage({ channel: 'sms', from: '+81 90-1234-5678', body: '【Reelhouse】お支払い方法に問題があります。' }, brand).verdict).toBe('suspicious');
  });

  it('takes "reply YES to keep your membership" from a number as a stranger speaking for the brand, not a friend\'s "reply yes if"', () => {
    const sms = (body: string) => scanMessage({ channel: 'sms', from: '+1 415 555 0134', body }, brand).verdict;
    expect(sms('Your Reelhouse membership renews at a new price. Reply YES to keep your current price.')).toBe('suspicious');
    expect(sms('Je Reelhouse-abonnement wordt duurder. Antwoord JA om je huidige prijs te houden.')).toBe('suspicious');
    expect(sms('Saw this on Reelhouse, reply yes if you want to watch it Friday!')).toBe('legit');
  });
});

describe('scanMessage: call transcripts in Polish and Japanese', () => {
  it('does not read the member\'s own turns (Klient:, お客様：) as requests', () => {
    const call = (body: string) => scanMessage({ channel: 'call_transcript', from: 'Reelhouse (call requested in app)', body }, brand);
    expect(call('Agent: Dzień dobry, tu Reelhouse.\nKlient: Mam podać hasło?\nAgent: Nie, nigdy nie podawaj hasła.')).toMatchObject({ verdict: 'legit', signals: [] });
    expect(call('オペレーター：Reelhouseの佐藤です。\nお客様：パスワードを教えましょうか？')).toMatchObject({ verdict: 'legit', signals: [] });
  });
});

describe('scanMessage: attachments and QR codes', () => {
  it('takes signing in through an attachment or a QR code like signing in on a foreign page, and asks for photos of the card', () => {
    expect(codes(email('Your invoice is attached as an HTML file. Open it and sign in with your Reelhouse password to view the amount.'))).toEqual(['asks_password']);
    expect(codes(email('Scan the QR code in the PDF and enter your card number to pay.'))).toEqual(['asks_card']);
    expect(codes(email('Gentile cliente, la preghiamo di inviarci una foto fronte e retro della carta con cui paga.'))).toEqual(['asks_card']);
    // Without an attachment, a QR code or a foreign link, "sign in" is the service's own advice.
    expect(codes(email('Sign in with your password at https://www.reelhouse.example to see the amount.'))).toEqual([]);
  });
});

describe('scanMessage: other organisations\' own sites', () => {
  it('reads another organisation\'s sweepstake or dunning on its own site as tone only, but not a site that only borrows its name', () => {
    const verdict = (input: ScanInput) => scanMessage(input, brand).verdict;
    expect(verdict({ channel: 'email', from: 'MediaMarkt <newsletter@mediamarkt.de>', body: 'Mach mit bei unserem Gewinnspiel und gewinne einen Fernseher! Teilnahme kostenlos unter https://www.mediamarkt.de/gewinnspiel' })).toBe('legit');
    expect(verdict({ channel: 'email', from: 'Spotify <no-reply@spotify.com>', body: 'Your Premium will be cancelled today unless you update your card details at https://www.spotify.com/account' })).toBe('legit');
    expect(verdict({ channel: 'email', from: 'Spotify <no-reply@spotify-billing.top>', body: 'Your Premium will be cancelled today unless you update your card details at https://spotify-billing.top/account' })).toBe('phish');
    expect(verdict({ channel: 'sms', from: 'RH-Info', body: 'You are our lucky member of the month! Claim your free 50-inch TV: https://rh-winners.shop/tv' })).toBe('suspicious');
  });
});
