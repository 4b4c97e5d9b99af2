/**
 * How article text and members' queries become search terms: the same steps
 * on both sides (phrases joined, words split, stop words dropped, British
 * spellings and light stemming), so "cancelled", "canceling" and
 * "cancellation" meet on one term.
 */

/** Multi-word expressions members write in several ways, joined into one word before splitting. */
const PHRASES: [RegExp, string | ((...parts: string[]) => string)][] = [
  [/\b(?:log|sign)(?:ged|ging)?[\s-]*(?:in(?:to)?|on)\b|\bsignin\b|\blogon\b/g, ' login '],
  [/\b(?:log|sign)(?:s|ged|ging)?[\s-]*(?:(?:me|us|you|him|her|them)\s+)?(?:out|off)\b|\blogout\b|\bsignout\b/g, ' signout '],
  // Learners' and spoken ways of saying the same things.
  [/\b(?:enter|get|go|come)(?:ing|s)?\s+(?:in|into|inside|to)\s+(?:my|the|our)\s+(?:account|acct|acc|profile)\b/g, ' login account '],
  [/\bnot able to\b|\bunable to\b/g, ' cannot '],
  [/\bhow come\b/g, ' why '],
  [/\bsign(?:ed|ing)?[\s-]*up\b|\bregister(?:ed)?\b/g, ' signup '],
  [/\bstop (?:charging|billing|taking money)\b/g, ' stop paying '],
  // Billing days written out ("the thirtieth") as the articles write them.
  [/\btwenty[\s-]*ninth\b/g, ' 29th '],
  [/\bthirtieth\b/g, ' 30th '],
  [/\bthirty[\s-]*first\b/g, ' 31st '],
  [/\b(?:give|gave|send|return|pay)s?\s+(?:me\s+)?back\s+(?:my|the|our)\s+money\b|\breturn\s+(?:my|the)\s+money\b/g, ' refund '],
  [/\b(?:take|took|taken|taking|takes)\s+(?:my\s+|the\s+|more\s+)?money\b/g, ' charge '],
  [/\bmoney\s+(?:came|comes|coming|went|goes|gone|was taken)\s+(?:off|out|from)\b/g, ' charge '],
  [/\b(?:i|we)\s+(?:do not|dont|did not|didnt)\s+know(?!\s+(?:which|what|my|the|how|where|if|when|why|whether))\b/g, ' unknown '],
  [/\b(?:stop|freeze|hold|break)\b(?=(?:\s+\S+){0,4}?\s+for\s+(?:a|one|two|three|[123]|a few|a couple of)\s+(?:months?|weeks?)\b)/g, ' pause '],
  [/\be-mail/g, 'email'],
  [/\bwi-?fi\b/g, 'wifi'],
  [/\bset[\s-]*top[\s-]*box/g, 'settopbox'],
  [/\bcustomer (?:service|support|care)\b/g, ' support '],
  // "How much" asks a price ("prices" is what the articles say), unless what is left or used is counted ("how much is left on my gift card", "how much data").
  [/\bhow much\b(?!\s+(?:\S+\s+){0,2}?(?:left|remaining|data|space|storage|time|longer)\b)/g, ' price '],
  [/\b(?:2|two|3|three)[\s-]*(?:times|x)\b/g, ' twice '],
  [/\bmoney back\b/g, ' refund '],
  // Someone living at another address is "elsewhere", as the articles say ("my mom lives in another state", "at his own place").
  [/\b(?:another|other|a different|different|separate|(?:their|his|her) own)\s+(?:city|state|town|house|home|place|address|flat|apartment)\b/g, ' elsewhere '],
  [/\b(?:at|from|in)\s+(?:their|his|her)\s+(?:house|home|place|flat|apartment)\b/g, ' elsewhere '],
  [/\bfar away\b|\bfar from (?:me|us|home|here)\b|\bmoved out\b|\bout of state\b/g, ' elsewhere '],
  [/\bget(?:ting)? rid of\b/g, ' cancel '],
  [/\bget(?:ting)? in touch\b|\breach(?:ing)? out\b/g, ' contact '],
  [/\bwhere (?:are you|is (?:it|reelhouse|the company)) based\b/g, ' where located '],
  // A country by name is a country to the articles ("a gift card from germany", "not available in canada").
  [/\b(?:germany|france|spain|italy|portugal|brazil|japan|canada|mexico|india|australia|ireland|netherlands|belgium|austria|switzerland|poland|sweden|norway|denmark|the (?:us|usa|uk|states)|usa|uk|united (?:states|kingdom)|england|scotland|wales)\b/g, ' country '],
  [/\block(?:ed|s)? out\b|\blockout\b/g, ' lockout '],
  [/\bout of sync\b/g, ' sync '],
  [/\bsmart[\s-]*tvs?\b/g, ' tv '],
  [/\bvoice[\s-]*over\b/g, ' audio '],
  [/\bcharge[\s-]*back/g, ' dispute '],
  [/\b(\d+)\s*(?:\.|,)\s*00\b/g, ' $1 '],
  // Devices members name by brand: the articles use the generic words (no brand in our own text).
  [/\bfire[\s-]*(?:tv[\s-]*)?stick\b|\bfirestick\b|\bchromecast\b|\bstreaming[\s-]*sticks?\b/g, ' streamstick '],
  [/\bapple[\s-]*tv\b|\broku\b|\bstreaming[\s-]*(?:box|boxes|player|device)\b|\bset[\s-]*top[\s-]*box(?:es)?\b/g, ' streambox '],
  [/\b(?:ps[345]|playstation[\s-]*\d?|xbox(?:[\s-]*(?:one|series[\s-]*[xs]))?|nintendo(?:[\s-]*switch)?|game[\s-]*consoles?|gaming[\s-]*consoles?)\b/g, ' gameconsole '],
  [/\b(?:android|google)[\s-]*tv\b/g, ' tv '],
  [/\b(?:samsung|lg|sony|vizio|hisense|tcl|panasonic|philips|toshiba|sharp)\b/g, ' '],
  [/\b(?:itunes|apple|google[\s-]*play|steam|amazon|ebay|walmart)[\s-]*(?:gift[\s-]*)?cards?\b/g, ' giftcard '],
  [/\bgift[\s-]*(?:cards?|codes?|vouchers?|certificates?)\b|\be-?gift(?:card)?s?\b|\bgiftcards?\b/g, ' giftcard '],
  // App stores by name are what the articles call an app store (after the gift-card rules: a "google play card" is a gift card).
  [/\b(?:google[\s-]*play(?:[\s-]*store)?|play[\s-]*store|itunes|apple[\s-]*(?:app[\s-]*)?store|amazon[\s-]*appstore)\b/g, ' app store '],
  // Ways to pay by brand: a wallet is a payment method, a card network a card.
  [/\b(?:paypal|apple[\s-]*pay|google[\s-]*pay|venmo|klarna)\b/g, ' payment method '],
  [/\b(?:visa|master[\s-]*card|amex|american express|maestro)(?:\s+(?:card|debit|credit))?\b/g, ' card '],
  [/\b(?:2|two)[\s-]*(?:fa|factor|step)\b|\bmfa\b|\bmulti[\s-]*factor\b|\b2[\s-]*sv\b/g, ' twostep '],
  [/\bparental[\s-]*(?:controls?|locks?)?\b/g, ' parental '],
  [/\btoo many\b/g, ' toomany '],
  [/(?<!how )\babout (?:us|reelhouse)\b|\bwho (?:are you|is reelhouse)\b/g, ' aboutus '],
  [/\bat (?:the )?same time\b|\bat once\b|\bsimultaneous(?:ly)?\b|\bconcurrent(?:ly)?\b/g, ' simultaneous '],
  [/\b([a-z]{2,3})-(\d{1,4})-(\d{1,4})\b/g, ' $1$2$3 '],
  // Error codes however they are typed: "AP-310", "ap 310", "ap310", "Ap_310", "ap.310", "ui-800-3", "nw 2 5" are one term.
  [/\b([a-z]{2,3})[\s_.-]?(\d{2,4}|\d(?=[\s_.-]\d))((?:[\s_.-]\d{1,3}\b)*)/g, (whole: string, letters: string, digits: string, more: string) =>
    (CODE_PREFIX_WORDS.has(letters) && !/[_.-]/.test(whole) ? whole : ` ${letters}${digits}${more.replace(/\D/g, '')} `)],
];

/** Short words that a number follows in ordinary sentences ("in 2026", "top 10"): not an error code unless joined by a hyphen. */
const CODE_PREFIX_WORDS = new Set('in on at of to by is it be as an or if we my me up so no do go vs per top age day for the and are was got see all now off out set via one two ten'.split(' '));

/** Is this term shaped like an error code ("ap310", "nw25")? */
export function isErrorCodeTerm(term: string): boolean {
  return /^[a-z]{2,3}\d{2,7}$/.test(term);
}

/** British spellings and a few variants folded onto one form. */
const SPELLINGS: Record<string, string> = {
  recognise: 'recognize', recognised: 'recognized', unrecognised: 'unrecognized', recognising: 'recognizing',
  authorise: 'authorize', authorised: 'authorized', authorisation: 'authorization', authorisations: 'authorizations',
  colour: 'color', colours: 'colors', programme: 'program', programmes: 'programs', cheque: 'check',
  cancelation: 'cancellation', cancelations: 'cancellations', licence: 'license', organise: 'organize',
  favourite: 'favorite', favourites: 'favorites', centre: 'center', behaviour: 'behavior', apologise: 'apologize',
  // "Supported" is about what a device can play, not the support team: "supported devices" and "customer support" stay apart.
  supported: 'compatible', unsupported: 'incompatible',
  ads: 'ad', dl: 'download', dld: 'download', paid: 'pay', bought: 'buy',
  tele: 'tv', television: 'tv', televisions: 'tv', tvs: 'tv', ok: 'okay',
  // Members' short forms.
  acct: 'account', acc: 'account', accnt: 'account', pw: 'password', pwd: 'password', pword: 'password', passwrd: 'password',
  sub: 'subscription', subscripton: 'subscription', vid: 'video', vids: 'videos', vidz: 'videos', msg: 'message', txt: 'text',
  ppl: 'people', pls: 'please', plz: 'please', thx: 'thanks', u: 'you', ur: 'your', r: 'are', pic: 'picture', info: 'information',
  dubble: 'double', somebody: 'someone', somebodys: 'someone', hw: 'how', macbook: 'computer', bf: 'boyfriend', gf: 'girlfriend', kiddo: 'kid', kiddos: 'kids', telly: 'tv',
  couldnt: 'could', wouldnt: 'would', shouldnt: 'should', wasnt: 'was', werent: 'were', arent: 'are', hasnt: 'has', hadnt: 'had',
  err: 'error', wont: 'will', cant: 'cannot', doesnt: 'does', isnt: 'is', didnt: 'did', dont: 'do', havent: 'have',
};

const STOP_WORDS = new Set(
  ('a an the and or of to in on at for is are was were be been being it its i im ive id my me mine we us our you your yours ' +
    'this that these those with from by as do does did done not no can could will would should shall may might must ' +
    'have has had having so if but about just get got gets getting there here their they them he she his her ' +
    'what why how when where which who whom into out up than then too very also still yet only even any some ' +
    'please hi hello thanks thank reelhouse help am been okay ok much many lot really again all one ' +
    'want wanted wants need needs say says said saying tell told like would ' +
    // Conversational filler: words that carry no topic in "I was wondering…", "for ages", "that stuff".
    'wondering wonder ages stuff thing things something anything everything way actual actually basically literally ' +
    'yesterday tonight guys anyone hey kinda sorta gonna going another other wtf omg lol ugh smh ' +
    'um uh erm hmm maybe perhaps probably guess let lets yo ago lately recently suddenly nowadays wanna gotta lemme gimme ' +
    'constantly continuously always randomly completely totally properly anymore ' +
    'every few matter immediately effective ridiculous seriously honestly annoying frustrating apparently ' +
    "whats hows wheres whos whys thats theres heres").split(' '),
);

/** Letters without accents, lower case; apostrophes dropped so "don't" stays one word. */
export function normalizeText(text: string): string {
  // Typographic dashes ("AP–310") are hyphens.
  // A possessive is the word itself ("my ex's phone" → "ex phone"); other apostrophes are dropped so "don't" stays one word.
  let value = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/(\w)['’`]s\b/g, '$1').replace(/['’`]/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');
  for (const [pattern, replacement] of PHRASES) value = typeof replacement === 'string' ? value.replace(pattern, replacement) : value.replace(pattern, replacement as (...parts: string[]) => string);
  return value;
}

const VOWEL = /[aeiouy]/;
const CONSONANT = /[^aeiouy]/;

/**
 * A light English stemmer: plurals, -ing/-ed (undoubling "stopped"),
 * -ation, -ment, -ly, a final y/e. Not Porter: fewer rules, so fewer
 * surprises, and both sides of the search go through the same ones.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}i`;
  // "taxes", "boxes", "fixes", "watches" → "tax", "box", "fix", "watch".
  else if (/(?:x|ch|sh|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  for (const suffix of ['ing', 'ed']) {
    const base = w.slice(0, -suffix.length);
    // "used", "using" → "use"; "owed" → "owe".
    if (w.endsWith(suffix) && base.length === 2 && VOWEL.test(base[0] ?? '') && CONSONANT.test(base[1] ?? '')) {
      w = `${base}e`;
      break;
    }
    if (w.endsWith(suffix) && base.length >= 3 && VOWEL.test(base)) {
      w = base;
      const last = w.at(-1) ?? '';
      if (w.length > 3 && last === w.at(-2) && CONSONANT.test(last) && !'lsz'.includes(last)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('ment') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);

  if (w.endsWith('y') && w.length > 3 && CONSONANT.test(w.at(-2) ?? '')) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('ll') && w.length > 5) w = w.slice(0, -1);
  return w;
}

/** The words of a text, normalised, before stop words and stemming (for vocabulary and display). */
export function words(text: string): string[] {
  return normalizeText(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => SPELLINGS[word] ?? word);
}

/** Search terms of a text: words without stop words, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/**
 * Words members use for the same thing. A query word brings in the rest of
 * its groups at a lower weight; the articles are not rewritten.
 */
const SYNONYM_GROUPS: string[][] = [
  ['bill', 'charge', 'payment', 'pay', 'debit', 'invoice', 'fee', 'transaction', 'billed'],
  ['price', 'cost', 'fee', 'expensive', 'dearer', 'pricier'],
  ['increase', 'raise', 'rise', 'higher', 'hike', 'went'],
  ['cancel', 'quit', 'unsubscribe', 'terminate'],
  ['membership', 'subscription', 'subscribe', 'account'],
  ['refund', 'reimburse', 'reimbursement', 'repay', 'credit'],
  ['login', 'signin', 'access'],
  ['password', 'passcode', 'passwd', 'pwd'],
  ['forgot', 'forget', 'forgotten', 'lost', 'reset', 'recover', 'remember'],
  ['hack', 'hacked', 'hacker', 'compromise', 'breach', 'stolen', 'takeover', 'intruder', 'someone'],
  ['tv', 'telly', 'television', 'smarttv', 'settopbox'],
  ['phone', 'mobile', 'smartphone', 'cell', 'cellphone', 'iphone', 'android', 'tablet', 'ipad'],
  ['computer', 'laptop', 'pc', 'mac', 'macbook', 'chromebook', 'desktop', 'browser'],
  ['someone', 'ex', 'boyfriend', 'girlfriend', 'roommate', 'flatmate', 'stranger'],
  ['family', 'husband', 'wife', 'son', 'daughter', 'sister', 'brother', 'relative', 'mum', 'mom', 'dad', 'mother', 'father', 'parent', 'parents', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'aunt', 'uncle', 'cousin'],
  ['disappear', 'disappeared', 'vanish', 'vanished', 'gone', 'missing'],
  ['buffer', 'loading', 'load', 'lag', 'freeze', 'frozen', 'stutter', 'spinning', 'spinner', 'stall', 'stuck'],
  ['subtitle', 'caption', 'captions', 'cc', 'subs'],
  ['audio', 'sound', 'dub', 'dubbed', 'voice', 'voices', 'dubbing'],
  // A language named in a query is about the audio or subtitle language.
  ['language', 'english', 'spanish', 'french', 'german', 'portuguese', 'italian', 'japanese', 'korean', 'hindi', 'arabic', 'chinese'],
  ['household', 'home', 'house'],
  ['travel', 'trip', 'vacation', 'holiday', 'away', 'abroad', 'hotel', 'travelling', 'traveling'],
  ['move', 'moving', 'moved', 'relocate', 'relocated'],
  ['router', 'modem', 'wifi', 'internet', 'network', 'connection', 'broadband'],
  ['scam', 'phishing', 'phish', 'fraud', 'fake', 'suspicious', 'spam', 'smishing', 'scammer', 'dodgy'],
  ['email', 'mail', 'inbox'],
  ['text', 'sms', 'message'],
  ['extra', 'additional'],
  ['download', 'offline', 'downloads'],
  ['picture', 'image', 'resolution', 'blurry', 'pixelated', 'fuzzy', 'grainy', 'quality', 'hd'],
  ['pause', 'break', 'suspend'],
  ['restart', 'resume', 'rejoin', 'reactivate', 'comeback', 'reopen', 'return'],
  ['upgrade', 'upgraded'],
  ['downgrade', 'cheaper'],
  ['plan', 'tier'],
  ['agent', 'human', 'person', 'representative', 'rep', 'staff', 'operator'],
  ['contact', 'reach', 'speak', 'talk', 'support'],
  ['call', 'callback', 'ring', 'phoned', 'calling'],
  ['specialist', 'supervisor', 'manager', 'escalate', 'escalation', 'complaint', 'complain', 'senior', 'boss'],
  ['dispute', 'chargeback', 'contest'],
  ['tax', 'vat', 'gst', 'hst', 'taxes'],
  ['unrecognized', 'unknown', 'unfamiliar', 'strange', 'weird', 'mystery', 'random'],
  ['twice', 'double', 'duplicate', 'two'],
  ['remove', 'delete', 'kick', 'disconnect', 'revoke'],
  ['vpn', 'proxy', 'unblocker'],
  ['movie', 'film', 'title'],
  ['show', 'series', 'program', 'episode', 'drama', 'dramas', 'anime', 'cartoon', 'documentary', 'documentaries', 'comedy', 'comedies', 'sitcom', 'thriller', 'horror', 'miniseries'],
  ['signup', 'join', 'joined', 'created'],
  ['sync', 'delay', 'delayed', 'late', 'behind', 'ahead'],
  ['authorization', 'preauthorization', 'pending', 'temporary', 'verification'],
  ['card', 'creditcard', 'debitcard'],
  ['carrier', 'partner', 'provider', 'bundle', 'cable'],
  ['profile', 'profiles'],
  ['invite', 'invitation', 'invited'],
  ['stream', 'watch', 'play', 'playback', 'streaming'],
  ['error', 'code', 'errorcode'],
  ['expire', 'expired', 'expiry', 'invalid'],
  ['receipt', 'history', 'statement'],
  ['date', 'day', 'when'],
  ['streamstick', 'streambox', 'gameconsole', 'tv'],
  ['giftcard', 'gift', 'voucher', 'prepaid'],
  ['review', 'rate', 'rating', 'feedback', 'survey', 'compliment', 'praise'],
  ['suggest', 'suggestion', 'request'],
  ['kid', 'child', 'children', 'parental', 'minor'],
  ['compare', 'comparison', 'difference', 'differences', 'versus', 'vs'],
];

/** stem → the other stems of its groups. */
export const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of SYNONYM_GROUPS) {
    const stems = [...new Set(group.flatMap((word) => terms(word)))];
    for (const s of stems) {
      const others = map.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) others.add(other);
      map.set(s, others);
    }
  }
  return new Map([...map].map(([key, value]) => [key, [...value]]));
})();
