/**
 * Words that carry the non-structural warning signs, in English, German,
 * Dutch, Spanish, Portuguese, French and Italian. Every pattern runs on
 * text folded by `foldForCues` (lower case, accents removed), so the lists
 * are written without accents. They describe the kind of thing asked for
 * or threatened, never one message: a request needs a secret AND a verb
 * of handing it over in the same sentence (see scan-message.ts).
 */

/**
 * Lower case, accents and apostrophe variants folded, so one list serves
 * "código" and "codigo". NFKC first (full-width "ＯＴＰ", "６桁" and
 * half-width kana become ordinary letters and digits), then only the
 * combining accents of Latin, Greek and Cyrillic letters are removed:
 * stripping every mark would turn Japanese "コード" (code) into "コート"
 * (coat). Polish "ł" has no decomposition and is folded by hand.
 */
export function foldForCues(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[łŁ]/g, 'l')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/**
 * A letter or digit of a script written with spaces between words. Japanese
 * and Chinese are written without spaces, so a cue there ("認証コード") is
 * found inside a run of characters, and a Latin cue next to one ("OTPを")
 * still ends at the script change.
 */
export const SPACED_WORD_CHAR = '(?:(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc\\u3005])[\\p{L}\\p{N}])';
const UNSPACED_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;

const words = (...alternatives: string[]): RegExp => {
  const spaced = alternatives.filter((alternative) => !UNSPACED_SCRIPT.test(alternative));
  const unspaced = alternatives.filter((alternative) => UNSPACED_SCRIPT.test(alternative));
  const parts = [`(?<!${SPACED_WORD_CHAR})(?:${spaced.join('|')})(?!${SPACED_WORD_CHAR})`];
  if (unspaced.length > 0) parts.push(`(?:${unspaced.join('|')})`);
  return new RegExp(parts.join('|'), 'u');
};

/** A full card number, its expiry or the code on its back. */
export const CARD_SECRET = words(
  'card ?(?:number|details|info(?:rmation)?|data|no)', 'your (?:bank |credit |debit )?card(?! (?:ending|ends))',
  'ihre (?:kredit)?karte', 'uw (?:bank)?kaart', '(?:su|tu) tarjeta(?! terminada)', 'seu cartao(?! terminado)', 'votre carte(?! se terminant)', 'la (?:tua|sua) carta(?! che termina)', '(?:full |long )?number (?:of|on) (?:the|your) card', 'card\'s (?:full )?number', '(?:credit|debit|payment|bank) ?card(?: details| number)?', 'full card', 'expir(?:y|ation)(?: date)?', 'cvv2?', 'cvc', 'csc',
  '(?:security )?code on the back', '(?:three|3|four|4) digits on the back', 'digits on the back', 'long number on (?:the|your) card',
  'kartennummer', 'kreditkart(?:e|ennummer)', 'kartendaten', 'zahlungskarte', 'bankkarte', 'ablaufdatum', 'gultig bis', 'prufnummer', 'kartenprufnummer',
  'kaartnummer', 'creditcard(?:gegevens|nummer)?', 'betaalkaart', 'bankpas(?:nummer)?', 'kaartgegevens', 'vervaldatum',
  'numero de (?:la |su |tu )?tarjeta', 'tarjeta de (?:credito|debito)', 'datos de (?:la |su |tu )?tarjeta', 'fecha de (?:caducidad|vencimiento|expiracion)',
  'numero do cartao', 'cartao de (?:credito|debito)', 'dados do (?:seu )?cartao', 'data de validade', 'codigo de seguranca do cartao',
  'numero de (?:votre |la |ta )?carte', 'carte (?:bancaire|de credit)', 'coordonnees bancaires', "date d'expiration", 'cryptogramme',
  'numero della (?:tua |sua )?carta', 'carta di credito', 'dati della (?:tua |sua )?carta', 'data di scadenza', 'codice di sicurezza della carta',
  'front and back of (?:the|your) card', 'fronte e retro della (?:tua |sua )?carta', '(?:foto|fotos|photo|scan) (?:de|da|do|della|van|von|der) (?:la |je |uw |ihrer |deiner |votre |ta |sua |tua |seu |su |tu )?(?:tarjeta|cartao|carta|kaart|karte|carte|betaalpas|bankpas|karty)', 'carta con cui paga', 'card you pay with', '(?:photo|picture|copy|scan) of (?:the front of )?(?:the|your) card', 'the card you pay with',
  'numer(?:u)? karty', 'dane karty', 'danych karty', 'data waznosci', 'daty waznosci', 'date waznosci', 'kod cvv', 'karty (?:kredytowej|platniczej)',
  'カード番号', 'カード情報', 'クレジットカード', '有効期限', 'セキュリティコード', '暗証番号',
);

/** A password or the whole sign-in. */
export const PASSWORD_SECRET = words(
  'password', 'passcode', 'pass word', 'login (?:details|credentials|info)', 'your login', 'username', 'sign-?in details', 'credentials', 'username and password',
  'passwort', 'kennwort', 'zugangsdaten', 'anmeldedaten', 'wachtwoord', 'inloggegevens', 'contrasena', 'clave de acceso', 'credenciales', 'datos de acceso',
  'senha', 'dados de (?:acesso|login)', 'mot de passe', 'identifiants', 'mdp', 'parola d\'ordine', 'credenziali', 'dati di accesso',
  'haslo', 'hasla', 'haslem', 'dane logowania', 'danych logowania', 'login i haslo', 'パスワード', 'ログイン情報', 'ID(?:と|・)パスワード', 'アカウント情報',
);

/** A one-time or verification code sent to the member ("service code" is the one agents may ask for: see SERVICE_CODE). */
export const CODE_SECRET = words(
  'one[- ]time (?:code|password|passcode|pin)', 'otp', '(?:verification|security|sign-?in|login|confirmation|authentication|2fa|sms|text) code', '(?:6|six|4|four|8|eight)[- ]digit(?: verification| security)? code',
  '(?:verification|security|confirmation) number', 'the code', 'that code', 'this code', 'a code', 'the (?:number|digits) (?:we|i) (?:just )?(?:sent|texted)', 'einen code', 'een code', 'un codigo', 'um codigo', 'un code', 'un codice', 'code (?:we|i) (?:just )?sent', 'code you (?:just )?(?:got|received)',
  '(?:bestatigungs|verifizierungs|sicherheits|einmal|anmelde|login|sms)-?code', 'tan', 'den code', 'diesen code',
  '(?:verificatie|bevestigings|beveiligings|inlog|sms)-?code', 'eenmalige code', 'de code', 'deze code',
  'codigo(?: de (?:verificacion|seguridad|confirmacion|acceso|un solo uso))?', 'codigo de (?:verificacao|seguranca|confirmacao|acesso)', 'codigo que (?:te|le|lhe) (?:hemos |enviamos|foi)',
  'code (?:de (?:verification|securite|confirmation|connexion)|recu|a usage unique|sms)', 'le code', 'ce code',
  'codice(?: (?:di (?:verifica|sicurezza|conferma|accesso)|otp|sms|ricevuto))?', 'il codice', 'questo codice',
  'kod(?:u|em)? (?:sms|weryfikacyjn[yae]|jednorazow[yae]|potwierdzajac[yae]|autoryzacyjn[yae]|z sms)', 'kod', 'kodu', 'kodem', 'ten kod', 'tego kodu',
  '認証コード', '確認コード', 'ワンタイムパスワード', 'セキュリティコード', 'コード', '認証番号', '確認番号',
);

/** The in-app service code a member reads to an agent they called: asking for it is the service's own check. */
export const SERVICE_CODE = words('service ?code', 'service-code', 'servicecode', 'codigo de servicio', 'codigo de servico', 'code de service', 'codice di servizio', 'code (?:shown )?(?:under|in) (?:help|your app|the app)');

/** Handing something over to the one who writes or calls: reply with it, read it back, tell me, send it. */
export const HAND_OVER = words(
  'reply(?: with| back)?', 'respond with', 'text (?:it |them |me |us )?back', 'text (?:me|us) (?:the|your|it)', 'call (?:me|us) back with', 'send (?:us|me|it|them|back|the|your)', 'read (?:it|them|me|the|that|out|back)', 'tell (?:me|us)', 'give (?:me|us)', 'share', 'provide', 'confirm (?:your|the|it to me)',
  'what(?:\'s| is) (?:your|the)', 'i need (?:your|the)', 'we need (?:your|the)', 'let (?:me|us) know (?:your|the)', 'repeat (?:it|the|them)', 'need the', 'can you (?:give|read|tell|confirm|send)', 'forward (?:us|me|it)',
  'vorlesen', 'durchgeben', 'nennen', 'voorlezen', 'doorgeven', 'opnoemen', 'vertellen', 'leer', 'decir', 'ler', 'dizer', 'passar', 'lire', 'dicter', 'donner', 'leggere', 'dettare', 'dire', 'comunicare',
  'antworten sie', 'antworte', 'antwoord', 'responda', 'responde', 'repondez', 'rispondi', 'rispondete',
  'quel(?:le)? est (?:votre|ton|ta)', 'wie lautet (?:ihr|dein)', 'was ist (?:ihr|dein)', 'wat is (?:uw|je|jouw)', 'cual es (?:su|tu)', 'qual (?:e|eh) (?:o |a )?(?:seu|sua|teu|tua)', 'qual e (?:la|il) (?:tua|sua|tuo|suo)',
  'email (?:us|me)', 'text (?:us|me)', 'include (?:your|the)', 'spell (?:out|it)', 'submit (?:your|the)', 'send (?:your|the|it|them) (?:to|back|over)', 'send over',
  'ubermitteln sie', 'sagen sie (?:uns|mir)', 'mail ons', 'sms ons', 'vertel', 'diganos', 'comuniquenos', 'mandenos', 'mandanos', 'indiquenos', 'mande(?:-nos|-me)?', 'diga-me', 'forneca', 'passe-me',
  'transmettez', 'fournissez', 'mandaci', 'indicaci', 'scrivici', 'trasmetti',
  'antworten sie mit', 'senden sie (?:uns|mir)', 'nennen sie', 'teilen sie (?:uns|mir)', 'geben sie (?:uns|mir)', 'schicken sie', 'bestatigen sie',
  'stuur (?:ons|mij|me)', 'geef (?:ons|mij|me)', 'deel', 'bevestig', 'antwoord met', 'noem',
  'responda con', 'responde con', 'envienos', 'enviarnos', 'envianos', 'digame', 'dime', 'decirme', 'darme', 'facilitenos', 'proporcione', 'confirme', 'confirma', 'comparta', 'dictame', 'dictar(?:me|nos)?', 'leer(?:me|nos)?', 'me lo (?:puede|podria)', 'necesito (?:su|tu|el)',
  'responda com', 'envie-nos', 'nos envie', 'me diga', 'informe', 'confirme (?:o|a|seu|sua)', 'preciso (?:do|da|de)',
  'repondez avec', 'envoyez-nous', 'communiquez', 'donnez-moi', 'dites-moi', 'confirmez', 'indiquez', 'j\'ai besoin (?:de|du)',
  'rispondi con', 'rispondete con', 'inviaci', 'inviateci', 'comunicaci', 'comunicateci', 'dimmi', 'mi dica', 'conferma', 'confermate', 'fornisci', 'forniteci', 'ho bisogno (?:del|della)',
  'inviarci', 'inviare', 'inviando', 'rispondere', 'indicando', 'indicare', 'inviando', 'comunicando', 'transmettre', 'communiquer', 'me le (?:dire|donner|lire|communiquer)', 'send (?:a|us a) (?:photo|picture|copy|scan)',
  'podac', 'podaj', 'podajac', 'przekaz(?:ac|)?', 'odczyta(?:c|j)', 'przeczyta(?:c|j)', 'odpisz', 'odpowiedz', 'odpowiedziec', 'wyslij (?:nam|mi)', 'przeslij', 'powiedz',
  '返信', '教えて', '読み上げ', 'お伝え', '伝えて', 'お知らせください', '送って', '送信して', 'ご回答',
);

/**
 * An attachment to open or a QR code to scan: a page the scan cannot see,
 * like a link off the official domains (the service sends neither to sign in with).
 */
export const ATTACHMENT_OR_QR = words(
  'attach(?:ed|ment)', 'html file', 'qr', 'anhang', 'angehangt', 'bijlage', 'bijgevoegd', 'adjunt[oa]', 'anexo', 'anexado', 'en anexo', 'piece jointe', 'ci-joint', 'allegat[oa]', 'in allegato', 'zalacznik(?:u)?', 'w zalaczeniu', '添付',
);

/** Typing something into a page; a request only when the message also links off the official domains. */
export const ENTER_ON_PAGE = words(
  'enter(?:ing)?', 'type', 'input', 'fill in', 'provid(?:e|ing)', 'update', 'verify', 'validate', 'confirm', 'sign in', 'log ?in', 'submit', 're-?enter',
  'eingeben', 'geben sie', 'aktualisieren', 'verifizieren', 'bestatigen', 'anmelden', 'invoeren', 'voer', 'vul', 'invullen', 'bijwerken', 'verifieren', 'bevestigen', 'inloggen', 'log in',
  'introduzca', 'introduce', 'ingrese', 'ingresa', 'actualice', 'actualiza', 'verifique', 'verifica', 'inicie sesion', 'digite', 'insira', 'atualize', 'confirme', 'entre',
  'saisissez', 'entrez', 'mettez a jour', 'verifiez', 'validez', 'connectez-vous', 'inserisci', 'inserite', 'aggiorna', 'aggiornate', 'verifica', 'accedi',
  'wpisz', 'wprowadz', 'podaj', 'podanie', 'zaloguj', 'potwierdz', 'zaktualizuj', 'uzupelnij', 'zweryfikuj', 'wpisac', 'wprowadzic',
  '入力', '登録', 'ログイン', '更新', '確認してください', 'ご確認',
);

/**
 * "We never ask for it", "do not share this code": a safety notice, not a
 * request. Both a negation and a verb of asking or sharing must be in the
 * sentence, so "if you do not confirm your password" stays a request.
 */
export const NEGATION = words('never', 'not', 'don\'t', 'won\'t', 'no one', 'nobody', 'niemals', 'nie', 'nicht', 'keinesfalls', 'nooit', 'niet', 'nunca', 'jamas', 'no', 'nao', 'jamais', 'ne', 'mai', 'non',
  'nigdy', 'nikomu', 'nikt', '絶対に', 'ません', 'ないで', 'しない', 'ことはありません',
);
export const ASK_OR_SHARE = words(
  'ask', 'asks', 'asking', 'request', 'call (?:you|or)', 'share', 'give', 'disclose', 'tell', 'send', 'fragen', 'fragt', 'anfordern', 'weitergeben', 'gib', 'teile', 'mitteilen', 'teilen',
  'vragen', 'vraagt', 'delen', 'deel', 'geef', 'doorgeven', 'comparte', 'partilhe', 'partilhar', 'partage', 'condividi', 'dare', 'pedir', 'pediremos', 'pide', 'pedira', 'solicitar', 'solicitaremos', 'compartir', 'compartas', 'comparta', 'compartilhe', 'compartilhar', 'pediremos',
  'demander', 'demandera', 'demanderons', 'demande', 'partager', 'partagez', 'communiquez', 'chiedere', 'chiederemo', 'chiede', 'condividere', 'condividi', 'comunicare',
  'prosi', 'prosic', 'poprosi', 'prosimy o podanie', 'udostepniaj', 'udostepnic', 'podawaj', 'przekazuj', 'pytac', 'zapyta', '尋ね', '聞く', 'お聞き', '教え', '共有', '求め', '伺う',
);

/** A consequence held over the member: closed, locked, deleted, legal action, lost for good. */
export const THREAT = words(
  'suspen(?:d|ded|sion)', 'lock(?:ed)?', 'block(?:ed)?', 'clos(?:e|ed|ure)', 'terminat(?:e|ed|ion)', 'delet(?:e|ed|ion)', 'cancel(?:l?ed)?', 'deactivat(?:e|ed)', 'disabled?', 'legal action', 'lawsuit', 'police', 'debt collect(?:or|ion)', 'permanently', 'non-?refundable', '(?:lose|losing|lost) (?:access|your)', 'will be (?:removed|charged)', 'revok(?:e|ed)', 'restrict(?:ed|ion)', '(?:has been|is|was) limited', 'frozen', 'interrupt(?:ed|ion)', 'terminated',
  'gesperrt', 'sperr(?:en|ung)', 'eingeschrankt', 'eingefroren', 'gekundigt', 'kundigung', 'geloscht', 'loschung', 'deaktiviert', 'geschlossen', 'rechtliche schritte', 'inkasso', 'dauerhaft',
  'geblokkeerd', 'opgeschort', 'verwijderd', 'beeindigd', 'opgezegd', 'gedeactiveerd', 'incasso', 'juridische stappen', 'permanent',
  'suspendid[ao]', 'bloquead[ao]', 'restringid[ao]', 'limitad[ao]', 'cancelad[ao]', 'eliminad[ao]', 'cerrad[ao]', 'desactivad[ao]', 'acciones legales', 'permanentemente',
  'suspens[ao]', 'bloqueado', 'cancelamento', 'cancelacion', 'annulation', 'annullamento', 'opzegging', 'encerrad[ao]', 'excluid[ao]', 'desativad[ao]', 'acao judicial', 'cobranca judicial',
  'suspendu(?:e)?', 'bloque(?:e)?', 'restreint(?:e)?', 'limite(?:e)?', 'resilie(?:e)?', 'supprime(?:e)?', 'ferme(?:e)?', 'desactive(?:e)?', 'poursuites', 'definitivement',
  'sospes[oa]', 'bloccat[oa]', 'limitat[oa]', 'cancellat[oa]', 'eliminat[oa]', 'chius[oa]', 'disattivat[oa]', 'azioni legali', 'definitivamente',
  'zablokowan[eya]', 'zawieszon[eya]', 'usunie(?:te|ty)', 'zamknie(?:te|ty)', 'wstrzyman[eya]', 'dezaktywowan[eya]', '停止', '凍結', '削除', '利用制限', '解約',
);

/** Time pressure: a short deadline, today, now, final notice. */
export const URGENCY = words(
  '(?:within|in) (?:the next )?\\d+ ?(?:hours?|hrs?|h|minutes?|mins?|days?|business days)', 'within (?:one|two|three|twenty-four|forty-eight) (?:hours?|days?)', 'by (?:tomorrow|midnight)', 'as soon as possible', 'without delay', 'in \\d+ ?(?:hours?|h|minutes?|mins?)', '\\d+ ?(?:h|hrs?|hours?|min|minutes)', 'today', 'tonight', 'immediately', 'right away', 'right now', 'now', 'asap', 'urgent(?:ly)?', 'final (?:notice|warning|reminder)', 'last (?:chance|warning)', 'act now', 'before midnight', 'end of (?:the )?day', 'expires? (?:today|soon)',
  'innerhalb (?:von |der nachsten )?\\d+ (?:stunden|minuten|tagen)', 'binnen de komende \\d+ (?:uur|dagen)', 'heute', 'sofort', 'umgehend', 'dringend', 'letzte (?:mahnung|warnung)', 'binnen \\d+ (?:uur|minuten|dagen)', 'vandaag', 'direct', 'onmiddellijk', 'dringend', 'laatste (?:herinnering|waarschuwing|aanmaning)',
  'en (?:las proximas )?\\d+ (?:horas|minutos)', 'dentro de \\d+ (?:horas|minutos|dias)', 'hoy', 'inmediatamente', 'urgente', 'ultimo aviso', 'em (?:ate )?\\d+ (?:horas|minutos)', 'nas proximas \\d+ horas', 'ate \\d+ (?:horas|minutos)', 'dentro de \\d+ (?:horas|dias)', 'hoje', 'imediatamente', 'ultimo aviso',
  'sous \\d+ ?(?:heures|h|minutes|jours)', 'dans les \\d+ ?(?:heures|h)', 'aujourd\'hui', 'immediatement', 'dernier (?:avis|rappel)', 'entro (?:le prossime )?\\d+ (?:ore|minuti|giorni)', 'oggi', 'immediatamente', 'subito', 'ultimo avviso',
  'w ciagu \\d+ (?:godzin|minut|dni)', 'dzisiaj', 'dzis', 'natychmiast', 'pilne', '\\d+時間以内', '本日中', '至急', 'ただちに', '直ちに', '今すぐ',
);

/** "or else", "unless", "to avoid": the threat hangs on doing what is asked. */
export const CONDITION = words('unless', 'or (?:the|your|we|it|else)', 'otherwise', 'to avoid', 'if you don\'t', 'if (?:you do not|we don\'t|we do not)', 'or all', 'sonst', 'andernfalls', 'um .{0,40} zu vermeiden', 'anders', 'om .{0,40} te voorkomen', 'de lo contrario', 'o (?:su|tu) cuenta', 'para evitar', 'caso contrario', 'ou (?:sua|a sua)', 'sinon', 'faute de quoi', 'pour eviter', 'altrimenti', 'per evitare', 'o il tuo', 'o (?:l\'|la tua)');

/** Paying with gift cards, crypto or a wire: untraceable money no real service asks for. */
export const GIFT_CARD = words('gift ?cards?', 'itunes cards?', 'google play cards?', 'steam cards?', 'vouchers?', 'prepaid cards?', 'geschenkkarten?', 'gutscheinkarten?', 'gutscheine?', 'cadeaukaart(?:en)?', 'cadeaubon(?:nen)?', 'tarjetas? (?:de )?regalo', 'cartoes? (?:de )?presente', 'vale-presente', 'cartes? cadeaux?', 'bons? d\'achat', 'carte regalo', 'buoni regalo', 'carta regalo', 'paysafecard',
  'karty? podarunkow[aey]', 'ギフトカード', 'ギフト券', 'プリペイドカード', 'アップルギフト', 'ウェブマネー',
);
export const GIFT_CARD_PAYMENT = words(
  'buy', 'purchase', 'pay', 'paid', 'send', 'settle', 'in store', 'kaufen', 'kaufen sie', 'bezahlen', 'zahlen', 'kopen', 'koop', 'betalen', 'betaal',
  'compre', 'comprar', 'compra', 'pagar', 'pague', 'envie', 'acheter', 'achetez', 'payer', 'payez', 'envoyez', 'acquista', 'acquistare', 'pagare', 'paga', 'invia',
  'kup', 'kupic', 'zaplac', 'zaplacic', '購入', '支払', '払って',
);
export const CRYPTO = words('bitcoins?', 'btc', 'ethereum', 'eth', 'usdt', 'tether', 'crypto(?:currency)?', 'cryptocurrency', 'kryptowahrung', 'criptomonedas?', 'criptomoedas?', 'cryptomonnaies?', 'criptovalut[ae]', 'wallet address', 'bitcoin atm', 'coinbase');
export const CRYPTO_WALLET = /(?<![\p{L}\p{N}])(?:bc1[a-z0-9]{8,87}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40})(?![\p{L}\p{N}])/u;
export const WIRE = words('wire(?: transfer)?', 'bank transfer', 'iban', 'swift', 'bic', 'western union', 'moneygram', 'ria money', 'zelle', 'venmo', 'cash ?app', 'beneficiary', 'sort code', 'routing number', 'uberweisung', 'uberweisen', 'overboeking', 'overmaken', 'maak .{0,30} over', 'transferencia(?: bancaria)?', 'transfira', 'virement', 'bonifico', 'beneficiario', 'begunstigde', 'empfanger', 'beneficiaire',
  'przelew(?:em)?', '振込', '振り込み', '送金',
);
export const PAYMENT_REQUEST = words('send', 'pay', 'make', 'transfer', 'settle', 'wire', 'deposit', 'below', 'senden', 'zahlen', 'begleichen', 'betaal', 'betalen', 'envie', 'envia', 'pague', 'realice', 'efectue', 'faca', 'effectuez', 'payez', 'reglez', 'effettua', 'effettuate', 'paga', 'pagate',
  'wykonaj', 'zrob', 'wplac', 'zaplac', 'お支払い', '振り込んで', 'してください',
);

/**
 * Asking the member to phone someone (imperatives only: "we will call you on
 * your number" is the service's call-back); the service never gives a number
 * to dial, calls start from the app.
 */
export const CALL_US = words(
  'call (?:us|me|our|this|the|now|back|immediately|today|\\+|\\(|\\d)', 'please call', 'ring us', 'dial', 'phone us', 'contact us (?:at|on)', 'give us a call',
  'rufen sie', 'wahlen sie', 'bel (?:ons|mij|me|naar|direct|\\+|\\d)', 'llame', 'llamenos', 'marque', 'ligue', 'appelez', 'composez', 'chiami', 'chiamate', 'chiamaci',
  'zadzwon', 'prosimy o kontakt pod numerem', 'skontaktuj sie (?:z nami )?pod numer', 'chiama(?: il)?(?: numero)?', 'contactez(?:-nous)?(?: notre service)? au', 'ligue para', 'llama al',
  'お電話ください', 'お電話を', '電話して', 'までご連絡', 'へご連絡', 'にお電話', 'までお電話',
);
/** A number to dial: seven digits or more, as phone numbers are written. */
export const PHONE_NUMBER = new RegExp(`(?<!${SPACED_WORD_CHAR}|\\d)(?:\\+|00)?\\(?\\d{1,4}\\)?(?:[\\s.-]?\\(?\\d{2,4}\\)?){2,5}(?!${SPACED_WORD_CHAR}|\\d)`, 'u');

/** Software that lets a stranger drive the member's computer or phone. */
export const REMOTE_ACCESS_APP = words('anydesk', 'teamviewer', 'ultraviewer', 'quick ?support', 'quick ?assist', 'rustdesk', 'supremo', 'logmein', 'splashtop', 'screenconnect', 'connectwise', 'remotepc', 'zoho assist', 'ammyy', 'airdroid', 'getscreen', 'aeroadmin', 'chrome remote desktop');
export const REMOTE_ACCESS = words('remote (?:access|control|desktop|support app|session)', 'control (?:of )?your (?:computer|pc|phone|screen)', 'share your screen', 'screen ?sharing', 'fernzugriff', 'fernwartung', 'fernsteuerung', 'toegang op afstand', 'overname op afstand', 'acceso remoto', 'control remoto', 'acesso remoto', 'controle remoto', 'acces a distance', 'prise de controle a distance', 'controle a distance', 'accesso remoto', 'controllo remoto',
  'zdaln(?:y|ego) dostep', 'pulpit zdalny', '遠隔操作', 'リモート(?:操作|サポート|接続)',
);
/** An option offered, not a threat held over the member ("you can cancel any time"). */
export const OPTION = words('you can', 'you may', 'any ?time', 'if you (?:want|wish|prefer)', 'jederzeit', 'konnen sie', 'altijd', 'kunt u', 'en cualquier momento', 'puede', 'a qualquer momento', 'pode', 'a tout moment', 'vous pouvez', 'in qualsiasi momento', 'puoi',
  'w kazdej chwili', 'mozesz', 'いつでも',
);
export const INSTALL = words('install', 'download', 'connect to your', 'allow', 'installieren', 'herunterladen', 'installeer', 'download', 'instale', 'descargue', 'descarga', 'baixe', 'installez', 'telechargez', 'installa', 'scarica',
  'zainstaluj', 'zainstalowac', 'pobierz', 'インストール', 'ダウンロード',
);

/** Being picked to win something the member never entered for. */
export const PRIZE = words(
  '(?:you|u)(?: have|\'ve| has)? won', '(?:you are|you\'re) (?:our |the |a )?(?:lucky )?winner', 'lucky (?:winner|member|customer|draw)', 'been (?:selected|chosen) (?:as|for|to (?:receive|win|get))', 'claim (?:your|it|the) (?:prize|reward|gift|free)', 'prize', 'sweepstakes', 'giveaway', 'lottery', 'raffle',
  'wurden ausgewahlt', 'bent geselecteerd', 'ha(?:s)? sido seleccionad[oa]', 'foi selecionad[oa]', 'avez ete selectionne(?:e)?', 'sei stat[oa] selezionat[oa]', 'e stat[oa] selezionat[oa]',
  'gewonnen', 'gewinner', 'gewinnspiel', 'verlosung', 'preis abholen', 'winnaar', 'prijs', 'verloting', 'ha(?:s|n)? ganado', 'ganador', 'premio', 'sorteo', 'ganhou', 'vencedor', 'premio', 'sorteio',
  'vous avez gagne', 'gagnant', 'tirage au sort', 'lot a reclamer', 'hai vinto', 'ha vinto', 'vincitore', 'estrazione',
  'wygral(?:es|as)', 'zwyciezca', 'nagroda', 'zostal(?:es|as) wybran[ya]', '当選', '当たりました', 'プレゼント',
);
export const CLAIM = words('claim', 'collect', 'redeem', 'fee', 'delivery', 'processing', 'shipping', 'abholen', 'einlosen', 'gebuhr', 'ophalen', 'claimen', 'verzendkosten', 'reclamar', 'reclame', 'cobrar', 'resgatar', 'resgate', 'taxa', 'reclamer', 'frais', 'riscuotere', 'riscatta', 'spese', 'free', 'gratis', 'gratuit', 'kostenlos',
  'odbierz', 'oplata', 'oplate', '手数料', '受け取り', '送料',
);

/** Misspellings and broken grammar typical of mass phishing, across the languages; a weak sign on its own. */
export const MISSPELLING = words(
  'acount', 'accout', 'suspendd(?:ed)?', 'verifiy', 'verfy', 'recieve[ds]?', 'informations', 'pleas', 'adress', 'costumer', 'custumer', 'payement', 'immediatly', 'imediately', 'securty', 'pasword', 'passwrod', 'detials', 'confirmaton', 'problm', 'untill', 'occured', 'kindly', 'dear valued', 'valued costumer', 'bellow', 'loose your', 'you has', 'you is', 'we has', 'you\'re (?:account|acount|card|password|details|membership|subscription)', 'best regard',
  'konnto', 'pasword', 'bestatigen sie ihre konto', 'ihre konto', 'wachtwort', 'acount', 'uw acount', 'su cuenta ha sido suspendido', 'contrasenia', 'suspendeu', 'votre compte a ete suspendu(?:e)? pour', 'compte suspendus', 'il suo account e stato sospesa',
);
