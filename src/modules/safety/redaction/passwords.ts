import type { Span } from './detectors.ts';

/**
 * Passwords in English, German, Spanish and Portuguese. Three strengths of
 * evidence, each asking less of the word that follows:
 * - after ":" or "=" ("pw: X", "Kennwort: X") any word is the value;
 * - after "is/ist/lautet/es/é" ("my password is X") any word that does not
 *   describe a password ("is incorrect", "ist falsch", "es incorrecta");
 * - near a login cue (a password word, "login", "log in with", "for
 *   everything", "überall", "para todo") only a word that looks
 *   like a password: letters with digits or symbols ("Sparrow77",
 *   "lemonTree55"), never an error code, a time, an address or a model.
 * A word with lower and upper case, a digit and a symbol ("MapleSyrup!9") is
 * a password wherever it stands.
 */

/** Words that name a password; "clave" (also "key") and "pass" (also a season pass) only count with a value that looks like a password. */
// Common misspellings too ("pasword", "passowrd", "passwrd", "pssword"): people type fast and the password after them is as real.
const PASSWORD_WORD = String.raw`(?:pass\s?words?|pas?s?(?:wo?rd|owrd|wrod|word)s?|pssw(?:or)?d|passwd|pwd|pw|pword|pswd|psw|pass\s?phrase|pass\s?code|passwort|kennwort|contrase[ñn]a|senha|mot\s+de\s+passe)`;
/** Built once: it is tested before every lone password candidate of every stored message. */
const PASSWORD_WORD_RE = new RegExp(String.raw`\b${PASSWORD_WORD}\b`, 'iu');
const WEAK_PASSWORD_WORD = String.raw`(?:pass|clave|la\s+clave|mi\s+clave|mi\s+contra|la\s+contra)`;
const IS = String.raw`(?:'s|\s+(?:is|was|will\s+be|should\s+be|would\s+be|ist|war|lautet|wird|es|era|será|sera|é|fica|vai\s+ser)(?![\p{L}\p{N}]))`;
const PREFIX_OF_VALUE = String.raw`\s*(?:now\s+|still\s+|just\s+|jetzt\s+|immer\s+noch\s+|ahora\s+|agora\s+)?(?:the\s+word\s+|das\s+wort\s+|la\s+palabra\s+|a\s+palavra\s+)?(?:"|'|“|„|«)?`;
const VALUE = String.raw`([^\s"“”„«»]+)`;

const STRICT = new RegExp(String.raw`\b(?:${PASSWORD_WORD}|${WEAK_PASSWORD_WORD})\s*(?:[:=]|\s-)${PREFIX_OF_VALUE}${VALUE}`, 'giu');
const NORMAL = new RegExp(String.raw`\b${PASSWORD_WORD}${IS}${PREFIX_OF_VALUE}${VALUE}`, 'giu');
/** "Password for the account: X", "the password is all lowercase: X": a colon later in the same clause. */
const COLON_LATER = new RegExp(String.raw`\b${PASSWORD_WORD}\b[^.!?\n:=]{1,40}(?<![\d]|https?)(?::|\s=)(?:\s+|\s*["'“])${VALUE}`, 'giu');
/** "reset my password to X", "Passwort auf X geändert", "cambié la contraseña a X", "mudei a senha para X", "changed it to X". */
const CHANGED_TO = new RegExp(String.raw`\b(?:${PASSWORD_WORD}|${WEAK_PASSWORD_WORD}|(?:changed|set|setting|reset|switched|updated|made)\s+(?:it|that))\s+(?:back\s+)?(?:to|as|auf|zu|a|en|por|para|pra)\s+(?:"|'|“|„)?${VALUE}`, 'giu');
/** "hab es auf X geändert", "la cambié a X", "mudei pra X": the German, Spanish and Portuguese "changed it to X", where "it" is the password talked about. */
const CHANGED_IT_TO = [
  String.raw`\b(?:es|ihn|sie)\s+(?:jetzt\s+|nun\s+|gestern\s+|heute\s+)?(?:auf|in|zu)\s+${VALUE}(?=\s+(?:ge[äa]ndert|gesetzt|umgestellt))`,
  String.raw`\b(?:la|lo)\s+(?:cambi[ée]|puse|actualic[ée]|he\s+cambiado)\s+(?:a|por|en)\s+(?:"|'|“)?${VALUE}`,
  String.raw`\b(?:mudei|troquei|alterei|coloquei|botei)(?:\s+(?:ela|a))?\s+(?:pra|para|por)\s+(?:"|'|“)?${VALUE}`,
].map((source) => new RegExp(source, 'giu'));
/** "the password I am using is X", "das Passwort, das ich benutze, ist X", "la contraseña que uso es X", "a senha que eu uso é X": a clause between the word and its value. */
const CLAUSE_THEN_IS = new RegExp(
  String.raw`\b${PASSWORD_WORD},?\s+(?:(?:that|which|das|den|die|que)\s+(?:i\s+|ich\s+|yo\s+|eu\s+)?|(?:i|i'm|we|ich|wir|yo|eu)\s+)(?:[\p{L}']+\s+){0,3}?[\p{L}']+,?${IS}${PREFIX_OF_VALUE}${VALUE}`,
  'giu',
);
/** "changed it from X to Y": both are passwords. */
const CHANGED_FROM = new RegExp(String.raw`\b(?:changed|switched|reset|updated)\s+(?:it|that|(?:my|the|his|her)\s+${PASSWORD_WORD})\s+from\s+(?:"|'|“)?([^\s"“”]+?)(?:"|”)?\s+to\s+(?:"|'|“)?${VALUE}`, 'giu');
const LABEL_GLUED = new RegExp(String.raw`^(?:${PASSWORD_WORD}|${WEAK_PASSWORD_WORD}|user(?:name)?|login|e-?mail)[:=]`, 'iu');
const NAMED_WORD = new RegExp(String.raw`^${PASSWORD_WORD}$`, 'iu');
const NAMED = new RegExp(String.raw`^(?:${PASSWORD_WORD}|${WEAK_PASSWORD_WORD})$`, 'iu');
const CHANGED_IT = /\b(?:changed|set|setting|reset|switched|updated|made)\s+(?:it|that)\s|ge[äa]ndert|\b(?:la|lo)\s+(?:cambi[ée]|puse|actualic[ée]|he\s+cambiado)\s|\b(?:mudei|troquei|alterei|coloquei|botei)\s/i;
/** A word with a digit and a symbol in it: the only way a strong password shows without a cue. */
const STRONG_SYMBOL = /(?<!\S)(?=\S*\d)(?=\S*[!#$%&*?^~+=])/; // tested at word starts only: linear on a long run of digits
/** "the new one is X" in a sentence about a password. */
const PASSWORD_ONE = /\b(?:new|old|current|previous|other|last|first|second)\s+one\s*(?:(?:is|was|will\s+be)\s*:?|[:=])\s*(?:"|'|“)?(\S+)/gi;
/**
 * Verbs that say a word was typed or used as a password without naming it: use, entered, typed, tried, "used to be", "it's",
 * nehme, benutze, eingegeben, uso, probé, usei, tentei, digitei; a short list after them ("tried everything: Coffee1, Coffee12") too.
 */
const IMPLIED_BEFORE = /(?<![\p{L}])(?:figured\s+out|found\s+out|guessed|knows?|rejecting|rejects|rejected|won'?t\s+(?:accept|take)|doesn'?t\s+(?:accept|take)|not\s+accepting|nimmt\s+nicht|akzeptiert\s+nicht|no\s+acepta|n[ãa]o\s+aceita|use|uses|using|used|entered|enter|entering|typed|type|typing|tried|try|trying|put(?:\s+in)?|remembered|remembers|saved|stored|autofill\p{L}*|used\s+to\s+be|it'?s|it\s+(?:is|was)|nehme?|benutze|nutze|probiert|eingegeben|eingetippt|uso|us[ée]|usaba|prob[ée]|escrib[íi]|puse|met[íi]|tecle[ée]|introduje|digit[ée]|usei|tentei|digitei|coloquei|botei|pus)(?:\s+(?:everything|alles|todo|tudo|both|beide|ambas|ambos))?(?:\s+(?:with|using|as|mit|con|com))?\s*[:,]?\s+(?:[^\s,]+,\s+){0,3}(?:"|'|“)?$/iu;
/** Products, devices and numbered things written glued to their number ("Windows11", "Xbox360", "Pixel7", "Season2"): never a password by implication. */
const DEVICE_OR_THING = /^(?:i?phone|ipad|ios|android|windows|win|xbox|ps|playstation|roku|pixel|galaxy|chromecast|fire|kindle|macbook|mac|macos|tizen|webos|switch|model|version|series|season|staffel|temporada|episode|folge|episodio|episódio|plan|premium|basic|standard|channel|gen|room|flight|gate|hdmi|usb|wifi|tv|bravia|vizio|hisense|tcl|samsung|lg|sony|panasonic|philips|apple|google|amazon|echo|nest|alexa|ipv|covid|mp|note|error|fehler|erro|code|chrome|firefox|safari|edge|opera|brave|vivaldi|explorer|starlink|router|fritz\p{L}*|office|photoshop|airpods|ubuntu|debian|reelhouse|netflix|disney|hulu|spotify|youtube|prime|hbo|peacock|paramount|firetv|firestick|shield|sonos|vodafone|telekom|movistar|vivo|claro|kodi|plex|emby|vlc|voucher|coupon|promo|gift|save|discount|ch|s)\W*\d/iu;
/** A word of four letters or more and up to four digits, maybe a symbol: how people make a password from a word ("Meadowlark3", "Hazelnut_7"). */
const WORD_AND_DIGITS = /^(?=\p{L}*\p{Ll})\p{L}{4,}[_.-]?\d{1,4}[!#$%&*?]*$/u; // not all capitals: "SUMMER24" is a promo code
/** A noun after the value says what it is: "Kids2 profile", "Starlink2 internet", "jsmith77 as my username". */
const THING_AFTER = /^\s+(?:profile|account|plan|app|tv|device|router|internet|wifi|version|browser|laptop|phone|model|series|edition|box|stick|remote|console|channel|server|network|hotel|motel|bundle|pack|package|subscription|street|road|avenue|season|episode|staffel|folge|temporada|episodio|episódio|playlist|list|song|album|movie|film|show|code|coupon|voucher|discount|promo|at\s+checkout|for\s+(?:the\s+)?(?:gift|discount|order|purchase)|as\s+(?:my\s+|the\s+|a\s+|an\s+)?(?:\p{L}+\s+)?(?:user|username|login|name|handle|profile|email|nickname|title))(?![\p{L}])/iu;
/** Words that name what a word with digits is: "profile Leo2015", "username jsmith77", "watching Dune2", "wifi Linksys2". */
const THING_BEFORE = /(?<![\p{L}])(?:profiles?|profil|perfil|user(?:name)?|benutzer(?:name)?|nutzername|usuario|usuário|login(?:\s+name)?|gamer\s*tag|tag|handle|nick(?:name)?|wifi|wlan|network|netzwerk|red|rede|ssid|playlist|watch(?:ing|ed)?|schaue|sehe|viendo|vendo|assistindo|movie|film|filme|pel[íi]cula|show|series|serie|s[ée]rie|title|titel|t[íi]tulo|named|called|hei[ßs]t|llamad[oa]|chamad[oa]|model|modell|modelo|version|versi[óo]n|vers[ãa]o|code|promo|coupon|voucher|gutschein|cup[óo]n|cupom|order|case|ticket|room|flight|loved?|liked|enjoyed|saw|seen|my\s+(?:kid|son|daughter)'?s?)(?:\s+(?:is|ist|es|é|was|named|called))?\s*[:#'"“]?\s*(?:the\s+|a\s+|an\s+|das\s+|der\s+|die\s+|el\s+|la\s+|o\s+|a\s+)?(?:[\p{L}\d]+,?\s+){0,2}?$/iu;
/** What makes "used X" about signing in: the message talks about an account, a failed or changed login, or using X everywhere. */
const SIGN_IN_TROUBLE = /password|passwort|kennwort|contrase|senha|log(?:ged|ging)?[\s-]?in|sign(?:ed|ing)?[\s-]?in|account|konto|cuenta|conta\b|locked|wrong|incorrect|invalid|rejected|n'?t\s+(?:work|accept|take|let)|not\s+(?:work|accept)|changed|hack|error|everything|everywhere|sites|falsch|geht\s+nicht|funktioniert\s+nicht|ge[äa]ndert|alles|überall|no\s+(?:funciona|sirve|me\s+deja|entra|puedo\s+entrar)|incorrect|cambi|todo|n[ãa]o\s+(?:funciona|entra|aceita)|errad|mud|tudo|inv[áa]lid/iu;
/**
 * A message about getting into an account (signing in, a password, a key or word to get in, being locked out, typing
 * something that is refused): in such a message any secret-shaped word is taken, with no cue next to it.
 */
const ACCOUNT_ACCESS = /password|passwort|kennwort|contrase|senha|pass\s?(?:phrase|code)|\bpw\b|log(?:ged|ging)?[\s-]?in|sign(?:ed|ing)?[\s-]?in|get(?:ting)?\s+in\b|let\s+me\s+in|lock(?:ed)?\s+(?:out|word)|credential|\baccess\b|\bkey\b|secret|combination|account|unlock|anmelde|\banmeld|einlogg|zugang|schl[üu]ssel|konto|acceso|acesso|clave|palabra|palavra|credencial|entrar|\bentra\b|cuenta|\bconta\b|wrong|incorrect|invalid|falsch|incorrect|errad|n[ãa]o\s+(?:vai|entra|funciona)|no\s+(?:va|entra|funciona)|geht\s+nicht|klappt\s+nicht|doesn'?t\s+work|won'?t\s+(?:let|take|accept|work)|fails|bounces|rejected|usuals?\b|\bent[eo]?re?d\b|\btyped\b|\btr(?:y|ies|ied|ying|yin)\b|probier|versuch|prob(?:ando|ar|é|e)\b|intent|tentando|tentei|digit|tipp|escrib|\bpongo\b|coloc|\bword\s+(?:i|we|he|she)\s+(?:picked|chose|set|use)|\b(?:picked|chose)\b|eingegeben|eingetippt|prob[ée]\b|met[íi]\b|tentei|digitei/iu;
/**
 * How people build a password: a word (three letters or more) with digits in or after it, maybe joined by "_", "." or "-",
 * maybe a symbol at the end ("Raptor6", "GreenBay4ever", "Galway.Girl88", "Mira_Lobby22", "GRANDMA2024"). Not a model or
 * product number (capitals and digits in several groups: "OLED55C3", "UN55TU7000"), not a reference or tracking number
 * (a run of five digits or more), not a version ("v8.14.2").
 */
function secretShaped(value: string): boolean {
  if (value.length < 5 || value.length > 40 || !/\d/.test(value) || /[/\\@]/.test(value)) return false; // most words have no digit: the cheap test first
  if (!/\p{L}{3}/u.test(value) || !/\d/.test(value) || /\d{5}/.test(value)) return false;
  if (!/^[\p{L}\d]+(?:[_.\-][\p{L}\d]+)*[!#$%&*?]*$/u.test(value)) return false;
  if ((value.match(/\d+/g)?.length ?? 0) > 2) return false; // bc1q9rh7xk2m4w0: a key, an address or a hash, not a made-up word
  if (/^\P{Ll}+$/u.test(value)) return false; // capitals and digits: a model (OLED55C3, KD-55X80K) or a promo code (HERBST30)
  if (/^\p{Lu}{2,4}[-_]?\d+$/u.test(value)) return false; // INV-20931, RH-2209
  if (/^\p{L}{1,4}\d+(?:\.\d+)+$/u.test(value) || /\d\.\d/.test(value)) return false; // a version
  if (/^\d+(?:st|nd|rd|th|am|pm|h|min|mins|gb|mb|k|p|x|hz|fps|mbps)$/i.test(value) || /^\d+-\p{L}+(?:-\p{L}+)*$/u.test(value)) return false; // 2nd, 6-digit, 30-min
  return true;
}
/** A word glued to digits ("Violet1234"): the only tokens the implied rule looks at. */
const WORD_WITH_DIGITS = /\p{L}{3}[^\s]*\d/u;
const CAPS_WORD_DIGITS = /^\p{Lu}{5,}\d{1,4}[!#$%&*?]*$/u;
const CAPS_TALK = /caps|capital|gro[ßs]buchstaben|may[úu]sculas?|mai[úu]sculas?/i;
/** A symbol inside a word ("Cookies&Cream", "salt+pepper"): typed after "tried", a password with no digit. */
const SYMBOL_INSIDE = /\p{L}[&!#$%*+=~^]+\p{L}/u;
const ONE_IS = /\bone\s*(?:is|was|will|=|:)/i;
/** "password below" at the end of a line, the value on the next. */
const NEXT_LINE = new RegExp(String.raw`\b${PASSWORD_WORD}\b[^\n]{0,20}\n\s*${VALUE}`, 'giu');
/** A quoted value after a password word keeps its spaces: password = "open sesame", Passwort: "Alte Mühle 12". */
const QUOTED_AFTER_WORD = new RegExp(String.raw`\b${PASSWORD_WORD}(?:\s*[:=]|${IS}|\s+(?:as|to|auf|a|para|pra)(?=\s))?\s*(?:"|“|„|«)([^"“”„«»\n]{1,64}?)(?:"|”|“|»)`, 'giu');
/**
 * A password of several words with no quotes, after a password word: capitalised words ("set the password as Pumpkin Pie 2023",
 * "password is Blue Moon 77") or lower-case words ending in a number ("password: ocean blue 1"). Not a description ("is too short 8").
 */
const WORDS_AFTER_WORD = new RegExp(String.raw`\b(?:${PASSWORD_WORD}|(?:log|sign)\s?in\s+words?|secret\s+words?)(?:\s+(?:field|box|hint|thing|feld))?(?:\s*[:=]|${IS}\s*:?|\s+(?:as|to))\s*((?:\p{Lu}\p{Ll}+\s+(?:(?:and|und|y|e|&)\s+)?){1,3}(?:\p{Lu}\p{Ll}+|\d{1,4})|(?:\p{Ll}{2,}\s+){1,3}\d{1,4})(?![\p{L}\p{N}]|[.,]\d|\s*(?:times|x\b|characters|chars|letters|digits|minutes|hours|days|weeks|months|years|mal|veces|vezes|zeichen|caracteres))`, 'giu');
/** The same words read with case: the pattern above is case-insensitive for the password word, so \p{Lu} matched any letter there. */
const WORDS_VALUE = /^(?:(?:\p{Lu}\p{Ll}+\s+(?:(?:and|und|y|e|&)\s+)?){1,3}(?:\p{Lu}\p{Ll}+|\d{1,4})|(?:\p{Ll}{2,}\s+){1,3}\d{1,4})$/u;
/**
 * "the thing i log in with is purplemonkey dishwasher", "what I use to sign in: X", "lo que pongo para entrar es X": the value of a
 * sentence that says what gets the member in, with no password word. Up to three words when they end the clause.
 */
/** Every phrase of LOGIN_WITH_IS holds one of these. */
const LOGIN_WITH_HINT = /\bwith\b|\bto\s+(?:log|sign|get)|word|combo|combination|mit\s+dem|para\s+entrar|pra\s+entrar/i;
const LOGIN_WITH_IS = /(?<![\p{L}])(?:(?:i|we)\s+(?:log|sign)\s*(?:in|on)\s+with|(?:i|we)\s+(?:use|type|enter|put\s+in)\s+to\s+(?:log|sign|get)\s*(?:in|on)|(?:the\s+)?(?:word|key|combo|combination)\s+to\s+get\s+in|(?:the\s+|my\s+)?(?:secret|magic|code)\s+word|mit\s+dem\s+ich\s+mich\s+(?:anmelde|einlogge)|(?:lo\s+)?que\s+(?:pongo|uso|escribo)\s+para\s+entrar|(?:o\s+)?que\s+(?:eu\s+)?(?:uso|coloco|digito)\s+(?:pra|para)\s+entrar)\s*(?:is|was|ist|war|es|era|é|:)\s*(?:"|“)?([^\s,.!?"”]+(?:\s+[^\s,.!?"”]+){0,2}(?=\s*(?:[,.!?"”\n]|$))|[^\s,.!?"”]+)/giu;
/** "my password? bread and butter", "Passwort? Rosenkohl9": the member asks the question and answers it. Up to three words ending the clause. */
const ASKED_THEN_GIVEN = new RegExp(String.raw`\b${PASSWORD_WORD}\s*\?+\s*(?:(?:it'?s|its|it\s+is|es|ist|é|that'?s)\s+)?(?:"|“)?([^\s,.!?"”]+(?:\s+[^\s,.!?"”]+){0,2}(?=\s*(?:[,.!?"”\n]|$))|[^\s,.!?"”]+)`, 'giu');
/** Words that say how or when, not what: "it's been over 2", "password? thanks". */
const COMMON_WORD = /^(?:been|over|about|around|only|almost|nearly|exactly|like|after|before|since|version|level|step|option|page|season|episode|number|tier|plan|day|week|month|year|attempt|try|time|error|code|case|order|up|down|back|out|thanks|thank|ty|help|please|pls|sorry|hello|hi|yes|yeah|nope|reset|again|maybe|gone)$/i;
const FILLER = /^(?:lol|lmao|haha|jk|btw|i\s+think|think|maybe|probably|creo|acho|glaube|wohl|oder|or|ou|o|pls|please|thanks|thx|xd|:\)|:\()$/i;
/** "my wife's birthday is the password, 07141988": digits or a password-shaped word right after the word and a comma. */
const COMMA_AFTER = new RegExp(String.raw`\b${PASSWORD_WORD},\s+${VALUE}`, 'giu');
/**
 * "the password is his birthday, 12031975", "mi contraseña es mi cumpleaños 050388": six or eight digits that read as a date
 * (day, month and year in either order), later in the sentence of a password word.
 */
const DATE_DIGITS_AFTER = new RegExp(String.raw`\b${PASSWORD_WORD}\b[^.!?\n]{0,60}?(?<![\w/.,:-])(\d{6}|\d{8})(?![\w/.,:-])`, 'giu');
/** "password: same as my birthday 04/12/1979": a date with its separators, when the sentence says it is a birthday or an anniversary. */
const BIRTHDAY_AFTER = new RegExp(String.raw`\b${PASSWORD_WORD}\b[^.!?\n]{0,40}?(?:birth\s*day|birth\s+date|date\s+of\s+birth|dob|anniversary|geburtstag|geburtsdatum|cumplea[ñn]os|fecha\s+de\s+nacimiento|anivers[áa]rio|data\s+de\s+nascimento)[^.!?\n\d]{0,20}?(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{6}|\d{8})(?![\w/-]|[.,]\d)`, 'giu');
/** "ok its crimson tide 45": lower-case words ending in a number, given as "it's …" in a message that names a password. */
const ITS_WORDS = /(?<![\p{L}])(?:it'?s|it\s+is|its|es|ist|é)\s+((?:\p{Ll}{2,}\s+){1,3}\d{1,4})(?=\s*(?:[,.!?\n]|$))/gu;
function readsAsDate(digits: string): boolean {
  const a = Number(digits.slice(0, 2));
  const b = Number(digits.slice(2, 4));
  const year = digits.slice(4);
  if (year.length === 4 && !/^(?:19|20)/.test(year)) return false;
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
}
/** What makes a quoted phrase typed in a password: the message is about getting in, not about searching or a title. */
const QUOTE_TOPIC = /password|passwort|kennwort|contrase|senha|\bpw\b|log(?:ged|ging)?[\s-]?in|sign(?:ed|ing)?[\s-]?in|let(?:ting)?\s+me\s+in|get\s+in\b|lock(?:ed)?\s+out|account|konto|cuenta|\bconta\b|anmeld|einlogg|entrar|acceso|acesso/i;
/** "I typed in "cranberry sauce" like you said": a quoted phrase typed or tried, in a message about getting in. */
const QUOTED_TYPED = /(?<![\p{L}])(?:typed|type|typing|entered|enter|entering|put|tried|trying|used|using|tippe|getippt|eingegeben|escrib[íi]|puse|prob[ée]|digitei|coloquei|tentei)(?:\s+in)?\s+(?:"|“|„|«)([^"“”„«»\n]{3,40}?)(?:"|”|“|»)(?!\s+(?:in|into)\s+(?:the\s+)?(?:search|box|bar))/giu;
/** A login pasted as "address / password", "address | password", "address: password". */
const AFTER_ADDRESS = new RegExp(String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*(?:\/{1,2}|\||:|;|,|\s\+|\s&|\s+(?:with|and|mit|und|con|y|com|e)\s)\s*(?:"|'|“)?${VALUE}`, 'giu');
/** "temp password RH-temp-8812", "neues Passwort Kiefer12", "password hunter22": a value right after the word, with a digit in it. */
const DIRECT = new RegExp(String.raw`\b${PASSWORD_WORD}\s+(?:"|'|“)?${VALUE}`, 'giu');
/** "user sam.p pass Qz!8812": "pass" alone (also a season pass) names a password when the value is one, next to a username. */
const PASS_DIRECT = /(?<![\p{L}])pass\s+(?:"|'|“)?([^\s"“”]+)/giu;
const USERNAME_NEAR = /\b(?:user(?:name)?|login|creds|credentials|e-?mail|acct|account)\b/i;
/** "Winter2023 worked for years and now it's wrong", "Lindenbaum7 geht nicht mehr": what is said of a password after it. */
/** German puts the verb last: "hab Rosenkohl9 eingegeben". */
const TYPED_AFTER = /^(?:\s+\p{L}+){0,2}?\s+(?:eingegeben|eingetippt|probiert|versucht|benutzt|verwendet|gespeichert|saved|stored|guardad[ao]|salv[ao])(?![\p{L}])/iu;
const FAILS_AFTER = /^[\s,]*(?:(?:and|but|y|pero|e|mas|und|aber)\s+(?:it\s+|es\s+)?(?:still\s+)?(?:doesn'?t\s+work|didn'?t\s+work|fails|failed|says\s+(?:wrong|invalid|incorrect)|geht\s+nicht|funktioniert\s+nicht|no\s+(?:entra|funciona|sirve|va)|n[ãa]o\s+(?:entra|funciona|vai))(?![\p{L}])|(?:just\s+|still\s+|suddenly\s+|now\s+)?(?:worked|works|used\s+to\s+work|doesn'?t\s+work|does\s+not\s+work|didn'?t\s+work|isn'?t\s+work\p{L}*|is\s+not\s+work\p{L}*|is\s+(?:wrong|incorrect|rejected|invalid|not\s+accepted)|was\s+(?:wrong|rejected)|won'?t\s+work)|(?:funktioniert|geht)\s+nicht|(?:ist|war)\s+falsch|no\s+(?:funciona|sirve|va)|(?:es|era)\s+incorrect[ao]|n[ãa]o\s+(?:funciona|entra|vai)|(?:está|ta|tá)\s+(?:errad|incorret)\p{L}*)(?![\p{L}])/iu;

/** Cues that the words nearby are login details. */
const LOGIN_CUE = new RegExp(
  String.raw`(?<![\p{L}])(?:${PASSWORD_WORD}|${WEAK_PASSWORD_WORD}|log(?:ging|ged)?[\s-]?in|sign(?:ing|ed)?[\s-]?in|creds|credentials|login\s+details|for\s+everything|everywhere|for\s+(?:all\s+|every\s+)?(?:my\s+|the\s+)?(?:\p{L}+\s+)?(?:apps|accounts|sites|websites|logins|services)|en\s+todas\s+partes|en\s+todos\s+lados|em\s+todo\s+(?:lugar|lado|canto)|em\s+todos\s+os\s+(?:lugares|sites)|the\s+one\s+i\s+use|überall|ueberall|für\s+alles|einloggen|anmelden|anmeldung|zugangsdaten|para\s+todo|en\s+todo|iniciar\s+sesi[óo]n|pra\s+tudo|para\s+tudo|em\s+tudo|entrar|acesso|typed|tippe|getippt|escrib[íi]|digitei|too\s+weak|not\s+strong\s+enough|zu\s+schwach|muy\s+d[ée]bil|muito\s+fraca|(?:is\s+)?what\s+i\s+(?:use|type|typed|put\s+in))(?![\p{L}])`,
  'giu',
);
/** A cheap first look: every login cue holds one of these (the cue list is long, and most messages have none). */
const LOGIN_HINT = /pas|paw|pw|psw|pssw|kennw|contra|senha|clave|log|sign|cred|every|überall|ueberall|alles|todo|todas|tudo|sesi|einlogg|anmeld|zugang|entrar|acesso|typ|tipp|escrib|digit|weak|strong|schwach|d[ée]bil|fraca|what\s+i|the\s+one|apps|sites|accounts|logins|services/i;
/** What follows a username word is the username, not the password. */
const USERNAME_BEFORE = /\b(?:account\s+name|screen\s?name|user\s?name|user|username|login(?:\s+name)?|log-in|benutzer(?:name)?|nutzername|usuario|usuário|utilizador|nome\s+de\s+usuário)(?:'s|\s+(?:is|ist|lautet|es|é))?\s*[:=]?\s*$/iu;
const NOT_A_PASSWORD = new Set(
  `a an the not no wrong incorrect correct right invalid expired too very still being fine ok okay working broken same different
   case required blank empty long short weak strong saved changed reset locked my your his her their our its it that this what
   definitely now already never just also and but or so on in for to at of with from by when if because as
   rejected accepted missing good bad new old one unknown there here asking needed needs going gone valid
   apparently probably actually really literally simple easy hard impossible supposed meant set stored written
   showing saying says said compromised hacked leaked stolen all forgot forgotten lost
   falsch richtig korrekt ungültig abgelaufen gesperrt zu nicht kein keine leer neu alt lang kurz schwach sicher geändert vergessen
   weg mein meine dein das der die ein eine noch immer schon jetzt auch und oder aber gleich anders
   incorrecta incorrecto correcta correcto inválida válida nueva nuevo vieja antigua la el mi tu su muy demasiado igual otra
   distinta larga corta débil segura bloqueada cambiada olvidada está esta que de del para por con sin y o pero una
   incorreta errada certa correta nova velha minha meu sua seu muito não outra diferente longa curta fraca alterada esquecida
   do da pra com sem e ou mas um`.split(/\s+/),
);

/** Letters with digits or symbols: "Sparrow77", "blue-Heron-19", "8pX2qL"; not an error code, a time, an address or a model number. */
export function looksLikePassword(value: string): boolean {
  if (value.length < 6 || value.length > 64) return false;
  if (/[/\\]|@[\w-]*\.|^@|^www\.|\.(?:com|org|net|de|es|pt|br|example|html?)$/i.test(value)) return false; // a path or an address; "P@ssw0rd" is a password
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3 || !/\p{Ll}/u.test(value) || !/[\d!#$%&*?^~+=_.-]/.test(value)) return false;
  if (/^[A-Za-z]{1,4}(?:-[A-Za-z0-9]{1,5})+$/.test(value) && !/[a-z][A-Z]|[A-Z][a-z]{3}/.test(value)) return false; // tvq-st-131, AP-310
  if (/^\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|h|uhr|hrs?)$/i.test(value)) return false; // 9:30pm
  if (/^[a-z]+_\d+$/.test(value) && /^(?:acct|case|chg|ord|inv|sub|mem|prof|dev|tkt|usr)_/.test(value)) return false; // ids with a readable prefix
  if (/^\p{L}+[.,;:!?]*$/u.test(value)) return false; // a word and its punctuation ("help!!!")
  if (/^\d+-[a-z]+(?:-[a-z]+)*$/.test(value)) return false; // 6-digit, 30-min, 2-step
  return true;
}

/** Lower and upper case letters, a digit and a symbol: a password even with no word around it. */
function looksStrong(value: string): boolean {
  return value.length >= 8 && /\p{Ll}/u.test(value) && /\p{Lu}/u.test(value) && /\d/.test(value) && /[!#$%&*?^~+=@]/.test(value) && !/\/|@[\w-]*\.|^@/.test(value);
}

type Strength = 'strict' | 'normal' | 'loose';

function accept(raw: string, strength: Strength): string | undefined {
  const value = raw.replace(/[.,;:)\]}"'”“»?]+$/, '');
  if (value.length < 3 || value.startsWith('[') || /^(?:\/\/|https?:|www\.)/i.test(value)) return undefined;
  if (strength === 'loose') return looksLikePassword(value) || looksStrong(value) ? value : undefined;
  if (/^\p{L}+$/u.test(value)) {
    const lower = value.toLowerCase();
    if (NOT_A_PASSWORD.has(lower)) return undefined;
    // Plain words after "is"/"was" are usually descriptions ("is expired", "was changed"); after ":" or "=" they are the value.
    if (strength === 'normal' && /(?:ed|ing|ly)$/.test(lower)) return undefined;
  }
  if (/@/.test(value)) return undefined; // "login: jane@example.com" names the account, the email rule takes it
  return value;
}

const QUOTE_CUE = new RegExp(String.raw`^(?:${PASSWORD_WORD}|${WEAK_PASSWORD_WORD}|for\s+everything|everywhere|überall|ueberall|für\s+alles|para\s+todo|en\s+todo|pra\s+tudo|para\s+tudo|em\s+tudo)$`, 'iu');
const QUOTED = /["'“‘„«]([^\s"'“”‘’„«»]{3,64})["'”’“»]/g;
const TOKEN = /(?<![^\s"'“„(«/,;])[^\s"'“”„()«»,;]+/g;

/** Passwords given in context; the span is the password itself. */
export function findPasswords(text: string): Span[] {
  const spans: Span[] = [];
  const add = (m: RegExpMatchArray, strength: Strength) => {
    const raw = m[m.length - 1]!; // the value is the last group, at the end of the match
    const value = accept(raw, strength);
    if (value === undefined) return;
    const start = (m.index ?? 0) + m[0].length - raw.length;
    spans.push({ kind: 'password', start, end: start + value.length });
  };
  const cues = LOGIN_HINT.test(text) ? [...text.matchAll(LOGIN_CUE)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
  // Every rule but "changed it to X" and a strong word on its own starts from a cue; most messages have none.
  if (cues.length === 0 && !CHANGED_IT.test(text) && !STRONG_SYMBOL.test(text) && !ONE_IS.test(text) && !WORD_WITH_DIGITS.test(text) && !/@/.test(text) && !SYMBOL_INSIDE.test(text)) return spans;
  // The rules below start from a password word (or "changed it to"); a message with only "login" or "for everything" skips them.
  const named = cues.some((c) => NAMED.test(text.slice(c.start, c.end))) || CHANGED_IT.test(text);
  for (const m of named ? text.matchAll(STRICT) : []) add(m, /^(?:pass|clave|la\s+clave|mi\s+clave|mi\s+contra|la\s+contra)\b/i.test(m[0]) && !/[:=]/.test(m[0]) ? 'loose' : 'strict');
  for (const m of named ? text.matchAll(NORMAL) : []) add(m, 'normal');
  for (const m of named ? text.matchAll(COLON_LATER) : []) add(m, 'strict');
  for (const m of named ? text.matchAll(CHANGED_TO) : []) add(m, 'loose');
  for (const m of named ? text.matchAll(NEXT_LINE) : []) add(m, 'loose');
  for (const m of text.matchAll(AFTER_ADDRESS)) add(m, 'loose');
  for (const m of named ? text.matchAll(CHANGED_FROM) : []) {
    const fromAt = m.index + m[0].search(/\sfrom\s/i) + 6;
    const fromStart = text.indexOf(m[1]!, fromAt);
    const from = accept(m[1]!, 'loose');
    if (from !== undefined) spans.push({ kind: 'password', start: fromStart, end: fromStart + from.length });
    add(m, 'loose');
  }
  for (const m of named ? text.matchAll(QUOTED_AFTER_WORD) : []) {
    if (!/\s/.test(m[1]!.trim()) || m[1]!.startsWith('[')) continue; // one word: the rules above take it
    if (m[1]!.trim().split(/\s+/).every((word) => NOT_A_PASSWORD.has(word.toLowerCase()))) continue; // "is "too short"", "ist "zu kurz"": a description
    const start = m.index + m[0].length - 1 - m[1]!.length;
    spans.push({ kind: 'password', start, end: start + m[1]!.length });
  }
  for (const m of /\bpass\s/i.test(text) ? text.matchAll(PASS_DIRECT) : []) {
    const value = m[1]!.replace(/[.,;:)\]}"'”»?]+$/, '');
    const mixed = value.length >= 5 && /\d/.test(value) && (value.match(/\p{L}/gu)?.length ?? 0) >= 2 && !/^\d+\p{L}{1,3}$/u.test(value);
    if (looksStrong(value) || (mixed && USERNAME_NEAR.test(text) && !DEVICE_OR_THING.test(value))) add(m, 'strict');
  }
  for (const m of named ? text.matchAll(DIRECT) : []) {
    const value = m[1]!.replace(/[.,;:)\]}"'”»?!]+$/, '');
    if (/\d/.test(value) && (value.match(/\p{L}/gu)?.length ?? 0) >= 3 && value.length >= 6 && !/@|^https?:|^www\./i.test(value) && !DEVICE_OR_THING.test(value) && !/^\d+-?(?:digit|stellig|d[íi]gitos|char\p{L}*|zeichen|caracteres|times|mal|veces|vezes)/iu.test(value)) add(m, 'strict');
  }
  for (const m of named ? text.matchAll(CLAUSE_THEN_IS) : []) add(m, 'normal');
  for (const m of named || /\b(?:(?:log|sign)\s?in|secret)\s+words?\b/i.test(text) ? text.matchAll(WORDS_AFTER_WORD) : []) {
    if (!WORDS_VALUE.test(m[1]!) || m[1]!.trim().split(/\s+/).some((word) => NOT_A_PASSWORD.has(word.toLowerCase()) && !/^(?:and|und|y|e)$/.test(word))) continue;
    const start = m.index + m[0].length - m[1]!.length;
    spans.push({ kind: 'password', start, end: start + m[1]!.length });
  }
  for (const m of LOGIN_WITH_HINT.test(text) && (cues.length > 0 || /\b(?:log|sign|get)\s*(?:in|on)\b|entrar/i.test(text)) ? text.matchAll(LOGIN_WITH_IS) : []) {
    if (m[1]!.split(/\s+/).some((word) => NOT_A_PASSWORD.has(word.toLowerCase()))) continue;
    const start = m.index + m[0].length - m[1]!.length;
    spans.push({ kind: 'password', start, end: start + m[1]!.length });
  }
  for (const m of named ? text.matchAll(ASKED_THEN_GIVEN) : []) {
    const words = m[1]!.split(/\s+/);
    while (words.length > 1 && FILLER.test(words[words.length - 1]!)) words.pop(); // "password? hunter22 lol", "¿la contraseña? es X creo"
    // A new question or a sentence ("password? I forgot it", "Passwort? keine Ahnung") is no answer: every word must not be a common one.
    if (words.every((word) => FILLER.test(word) || COMMON_WORD.test(word)) || words.some((word) => NOT_A_PASSWORD.has(word.toLowerCase()) && !/^(?:and|und|y|e)$/i.test(word)) || /^(?:i|ich|yo|eu|we|you|what|how|why|can|could|do|does|is|are|no|nope|idk|dunno|forgot|was|wie|qu[ée]|como|c[óo]mo|not|keine|nicht|oh|um|uh|er|erm|hmm|well|ok|okay|so|ah|also|pues|bueno|bom|ent[ãa]o)$/i.test(words[0]!)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    const kept = m[1]!.match(new RegExp(String.raw`^(?:\S+\s+){${words.length - 1}}\S+`))![0];
    spans.push({ kind: 'password', start, end: start + kept.length });
  }
  for (const m of named ? text.matchAll(COMMA_AFTER) : []) {
    const value = m[1]!.replace(/[.,;:)\]}"'”»?!]+$/, '');
    if ((/^\d{4,12}$/.test(value) && !/^(?:19|20)\d\d$/.test(value)) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value) || looksLikePassword(value)) add(m, 'strict');
  }
  for (const m of named ? text.matchAll(BIRTHDAY_AFTER) : []) add(m, 'strict');
  for (const m of named ? text.matchAll(ITS_WORDS) : []) {
    if (m[1]!.split(/\s+/).some((word) => NOT_A_PASSWORD.has(word) || COMMON_WORD.test(word) || /^(?:times?|minutes?|hours?|days?|weeks?|months?|years?|characters?|digits?|letters?|tries|attempts)$/.test(word))) continue;
    add(m, 'strict');
  }
  for (const m of named ? text.matchAll(DATE_DIGITS_AFTER) : []) {
    // "expired on 05062025", "seit 01122024": a date said as one, not a password made of one.
    if (!readsAsDate(m[1]!) || /\b(?:code|c[óo]digo|pin|otp|case|order|ticket|fall|pedido|caso)\b/i.test(m[0]) || /(?:\b(?:on|since|from|until|till|by|before|after|am|seit|vom|bis|desde|el|em|de|at[ée])\s+)$/i.test(m[0].slice(0, -m[1]!.length))) continue;
    add(m, 'strict');
  }
  for (const m of /["“„«]/.test(text) && QUOTE_TOPIC.test(text) ? text.matchAll(QUOTED_TYPED) : []) {
    if (m[1]!.trim().split(/\s+/).every((word) => NOT_A_PASSWORD.has(word.toLowerCase())) || m[1]!.startsWith('[')) continue;
    const start = m.index + m[0].length - 1 - m[1]!.length;
    spans.push({ kind: 'password', start, end: start + m[1]!.length });
  }
  for (const pattern of named ? CHANGED_IT_TO : []) for (const m of text.matchAll(pattern)) add(m, 'loose');
  for (const m of text.matchAll(PASSWORD_ONE)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 120), m.index);
    // Near a password word any value that is not a description; without one ("old one was X, new one is Y") only one that looks like a password.
    add(m, PASSWORD_WORD_RE.test(before) || /one\s*[:=]/i.test(m[0]) ? 'normal' : 'loose');
  }
  // A quoted word near a password word or "for everything" is the password whatever it looks like ("i use 'sunshine' for everything");
  // near "login" or "sign in" it is as often a button's label ("the login button says 'Continue'").
  for (const m of text.matchAll(QUOTED)) {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    if (accept(m[1]!, 'normal') === undefined || /\s/.test(m[1]!)) continue;
    const near = cues.filter((c) => (c.end <= start && start - c.end <= 60) || (c.start >= end && c.start - end <= 40 && !/[.!?](?=\s|$)|\n/.test(text.slice(end, c.start))));
    if (near.some((c) => QUOTE_CUE.test(text.slice(c.start, c.end)))) {
      spans.push({ kind: 'password', start, end });
    }
  }
  // Words that look like a password, near a login cue (80 characters before, or later in the same sentence), or strong on their own.
  const accountAccess = WORD_WITH_DIGITS.test(text) && ACCOUNT_ACCESS.test(text);
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0].replace(/[.,;:)\]}"'”»?]+$/, '');
    const shaped = accountAccess && secretShaped(value);
    // "i was typing SUNFLOWER88 instead of sunflower88": capitals and digits are a promo code's shape, but typed in a message
    // about signing in or caps lock they are the password.
    if (CAPS_WORD_DIGITS.test(value) && IMPLIED_BEFORE.test(text.slice(Math.max(0, m.index - 48), m.index)) && (SIGN_IN_TROUBLE.test(text) || CAPS_TALK.test(text)) && !THING_AFTER.test(text.slice(m.index + value.length, m.index + value.length + 40)) && !THING_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) && !DEVICE_OR_THING.test(value)) {
      spans.push({ kind: 'password', start: m.index, end: m.index + value.length });
      continue;
    }
    if (!shaped && (m[0].length < 6 || !/[a-z\u00df-\u00ff]/.test(m[0]))) continue;
    if (!shaped && !looksLikePassword(value) && !looksStrong(value)) continue;
    if (LABEL_GLUED.test(value)) continue; // "PW=hunter22": the label's own rule takes the value after it
    // Letters joined by "_" or "." with no digit or symbol ("marathon_mom", "john.smith") are a username's shape: only a
    // password word right before them (the rules above) makes them a password.
    if (/^\p{L}+(?:[._]\p{L}+)+$/u.test(value) && !looksStrong(value)) continue;
    const start = m.index;
    const end = start + m[0].length;
    // A password word right after counts across a sentence end too: "it's tigerlily7 btw. the password."
    // A password word anywhere in the message makes a word and its digits ("Hazelnut7") a password wherever it stands, unless it names a thing.
    const named_anywhere = WORD_AND_DIGITS.test(value) && !DEVICE_OR_THING.test(value) && !THING_AFTER.test(text.slice(end, end + 40)) && cues.some((c) => NAMED_WORD.test(text.slice(c.start, c.end)));
    const cued = named_anywhere || cues.some((c) => (c.end <= start && start - c.end <= 80) || (c.start >= end && c.start - end <= 40 && !/[.!?](?=\s|$)|\n/.test(text.slice(end, c.start))) || (c.start >= end && c.start - end <= 25 && NAMED_WORD.test(text.slice(c.start, c.end))));
    const before = text.slice(Math.max(0, start - 80), start);
    // Implied: "i always use Pumpernickel8 for …", "i entered Violet1234", "used to be Cheddar99", "says its Honeybee2012", "tried everything: Coffee1, Coffee12".
    // A short "it's hunter22 btw" is a password given in reply: a plain word and its digits, in a message of a few words.
    const reply = text.length <= 80 && /^\p{L}(?=[\p{L}_.-]*\p{Ll})[\p{L}_.-]{2,}\d{1,4}[!#$%&*?]*$/u.test(value) && /(?<![\p{L}])(?:it'?s|it\s+(?:is|was)|might\s+be|could\s+be|may\s+be|could\s+it\s+be|might\s+it\s+be|is\s+it|maybe|perhaps|either|probably|literally|if\s+it\s+helps\s*:?|in\s+case\s*:?|fyi\s*:?|es\s+ist|ist\s+es|k[öo]nnte|vielleicht|entweder|falls\s+es\s+hilft\s*:?|quiz[áa]s?|tal\s+vez|podr[íi]a\s+ser|puede\s+ser|por\s+si\s+acaso\s*:?|talvez|ser[áa]\s+que\s+[ée]|pode\s+ser|caso\s+ajude\s*:?|ou\s+[ée]|es|é|era)\s+$/iu.test(before);
    const after = text.slice(end, end + 40);
    // "it might be Potato99 or Potato999": a second value listed right after a password is one too.
    const listed = spans.length > 0 && /^(?:\s*,\s*|\s+(?:or|and|oder|und|o|ou|y|e)\s+|\s*\/\s*)(?:maybe\s+|vielleicht\s+|quiz[áa]s?\s+|talvez\s+|(?:this|that|next)\s+time\s+|now\s+|then\s+|jetzt\s+|dann\s+|diesmal\s+|ahora\s+|luego\s+|agora\s+|depois\s+)?$/i.test(text.slice(spans[spans.length - 1]!.end, start));
    // After a typing or using verb, a word and its digits ("i've been using Meadowlark3", "probé Pimpollo22 y nada") is a password
    // unless it names a thing ("using Chrome120", "Kids2 profile"); any other value needs a message about signing in.
    const typedValue = IMPLIED_BEFORE.test(before.slice(-48)) && !THING_AFTER.test(after) && (SIGN_IN_TROUBLE.test(text) || WORD_AND_DIGITS.test(value) || secretShaped(value));
    // Anywhere: a word of four letters or more and its digits ("Walrus2000", "Pretzel88") is how people make a password and
    // almost never anything else in a support message (none of 2,470 shared sample messages has one), unless a word before
    // names what it is (a profile, a username, a title being watched, a network).
    const freeStanding = WORD_AND_DIGITS.test(value) && /\d\d|[_!#$%&*?]/.test(value) && !THING_BEFORE.test(before.slice(-40));
    const implied =
      !cued && !DEVICE_OR_THING.test(value) && !THING_AFTER.test(after) &&
      (/\d/.test(value) ? (shaped && !THING_BEFORE.test(before.slice(-40))) || freeStanding || typedValue || reply || listed || TYPED_AFTER.test(after) || (FAILS_AFTER.test(after) && /\d{2}|[!#$%&*?^~+=]/.test(value))
        : SYMBOL_INSIDE.test(value) && (typedValue || listed)); // "tried with Cookies&Cream": a symbol inside a word, typed
    if (!cued && !implied && !looksStrong(value)) continue;
    if (!looksStrong(value) && DEVICE_OR_THING.test(value)) continue; // "my password doesn't work on my iPhone15": a device, near a login word or not
    if (USERNAME_BEFORE.test(before)) continue;
    if (/\b(?:error|fehler|erro|code|model|modell|modelo|firmware|version|versión|versão|order|case|ticket|invoice|promo|coupon|gutschein|cupom|cupón)\s*[:#]?\s*$/i.test(before)) continue;
    spans.push({ kind: 'password', start, end: start + value.length });
  }
  return spans;
}
