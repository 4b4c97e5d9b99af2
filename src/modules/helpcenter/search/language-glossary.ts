/**
 * Members also search in German, Spanish and Portuguese; the articles are in
 * English. This glossary is the domain's vocabulary in those languages
 * (accents folded, lower case), turned into the English words the articles
 * use, word by word after a few set phrases. It is applied only to a query
 * detected as that language, so a word that is also English ("red", "come")
 * is never touched in an English query. Words it does not know are kept:
 * error codes and device names read the same in every language.
 */
/** `stop`: the language's small words, dropped; any other word the glossary does not know counts as a word no article answers. */
type Glossary = { phrases: [RegExp, string][]; words: Record<string, string>; stop: string };

const GERMAN: Glossary = {
  stop: 'ich du er sie es wir ihr mein meine meinen meinem meiner mich mir dein ihre ihren ihrem sein der die das den dem des ein eine einen einem einer und oder aber nicht kein keine ist sind war wurde wurden bin hat habe haben wird kann konnen mochte will wie was warum wo wann wer wieso welche welcher mit von zu zum zur bei fur auf aus an in im am um nach noch schon mehr sehr auch nur so da dass wenn bitte hallo danke viel viele immer mal jetzt heute',
  phrases: [
    [/\bgeld zuruck\b/g, 'refund'],
    [/\bkann (?:mich |ich )?nicht\b|\bgeht nicht\b|\bfunktioniert nicht\b/g, 'cannot'],
    [/\bnicht teil\b/g, 'not part'],
    [/\bzu viele\b/g, 'too many'],
    [/\bkein ton\b/g, 'no sound'],
    [/\bnicht erkannt\b|\bkenne ich nicht\b/g, 'unrecognized'],
    [/\bzusatzliches mitglied\b/g, 'extra member'],
  ],
  words: {
    abo: 'membership', abonnement: 'membership', mitgliedschaft: 'membership', konto: 'account', kundenkonto: 'account',
    kundigen: 'cancel', kundige: 'cancel', kundigung: 'cancel', gekundigt: 'cancelled', beenden: 'cancel', abbestellen: 'cancel',
    passwort: 'password', kennwort: 'password', vergessen: 'forgot', zurucksetzen: 'reset',
    anmelden: 'sign in', einloggen: 'sign in', anmeldung: 'sign in', abmelden: 'sign out',
    gehackt: 'hacked', fremder: 'someone', fremde: 'someone', unbekannt: 'unknown', unbekannte: 'unknown',
    abgebucht: 'charged', abbuchung: 'charge', abbuchungen: 'charges', belastet: 'charged', rechnung: 'bill', zahlung: 'payment',
    bezahlt: 'paid', zweimal: 'twice', doppelt: 'twice', ruckerstattung: 'refund', erstattung: 'refund', zuruckerstatten: 'refund',
    karte: 'card', kreditkarte: 'card', abgelehnt: 'declined', fehlgeschlagen: 'failed', gesperrt: 'on hold',
    preis: 'price', preise: 'prices', kostet: 'cost', kosten: 'cost', teurer: 'price increase', erhoht: 'increase', preiserhohung: 'price increase', steuer: 'tax',
    gutschein: 'gift card', geschenkkarte: 'gift card', guthaben: 'balance', einlosen: 'redeem',
    pausieren: 'pause', pause: 'pause', reaktivieren: 'restart',
    haushalt: 'household', haushalts: 'household', gerat: 'device', gerate: 'devices', fernseher: 'tv',
    untertitel: 'subtitles', ton: 'audio', sprache: 'language', synchron: 'sync', asynchron: 'out of sync',
    ladt: 'loading', laden: 'loading', puffert: 'buffering', ruckelt: 'buffering', hangt: 'stuck', bild: 'picture', qualitat: 'quality', unscharf: 'blurry',
    herunterladen: 'download', heruntergeladen: 'downloads', fehler: 'error', fehlercode: 'error code',
    betrug: 'scam', betrugs: 'scam', gefalscht: 'fake', falsche: 'fake', nachricht: 'message', sms: 'text', mail: 'email',
    kundendienst: 'support', kundenservice: 'support', sprechen: 'talk', anrufen: 'call', ruckruf: 'call',
    zusatzliches: 'extra', zusatzliche: 'extra', mitglied: 'member', einladung: 'invitation', eingeladen: 'invited',
    profil: 'profile', kinder: 'kids', kindersicherung: 'parental controls', jugendschutz: 'parental controls',
    umgezogen: 'moved', umzug: 'moved', reise: 'travel', urlaub: 'travel', titel: 'title', serie: 'show', film: 'movie',
    andere: 'change', adresse: 'address', kostenlos: 'free', gratis: 'free', probemonat: 'free trial', probezeit: 'free trial', rabatt: 'discount', gutscheincode: 'promo code',
    handy: 'phone', smartphone: 'phone', tablet: 'tablet', wlan: 'wifi', internet: 'internet', anbieter: 'provider',
    schwarzer: 'black', bildschirm: 'screen', stottert: 'buffering', synchronisation: 'sync', kein: 'no', stimme: 'voice',
    angemeldet: 'signed in', abgemeldet: 'signed out', geandert: 'changed', andern: 'change', wechseln: 'change',
    lastschrift: 'debit', steuern: 'tax', mehrwertsteuer: 'vat', teuer: 'expensive', gunstiger: 'cheaper', tarif: 'plan',
    herabstufen: 'downgrade', hochstufen: 'upgrade', betruger: 'scammer', anruf: 'call', telefonnummer: 'phone number',
    bestatigung: 'confirmation', quittung: 'receipt', zahlungsmethode: 'payment method', bankkarte: 'card', unbekanntes: 'unknown',
    geschenk: 'gift', kinderprofil: 'kids profile', altersfreigabe: 'maturity rating', verfugbar: 'available', zweiten: 'second', wohnsitz: 'home',
  },
};

const SPANISH: Glossary = {
  stop: 'yo tu el ella nosotros mi mis me te se su sus lo la los las le les un una unos unas y o pero no si ni es son fue era estoy esta estan hay he ha han tengo tiene quiero puedo puede como que por porque para con sin de del al en a donde cuando cual quien muy mas ya todavia tambien solo hola gracias favor por favor mucho este esto esa ese',
  phrases: [
    [/\binici(?:ar|o) (?:de )?sesion\b/g, 'sign in'],
    [/\bno (?:puedo|puede|funciona|me deja)\b/g, 'cannot'],
    [/\bdos veces\b/g, 'twice'],
    [/\btarjetas? de regalo\b/g, 'gift card'],
    [/\bcontrol(?:es)? parental(?:es)?\b/g, 'parental controls'],
    [/\bfuera de sincron[ai]a?\b|\bdesincronizad[oa]s?\b/g, 'out of sync'],
    [/\bno (?:soy|es) parte del hogar\b/g, 'not part of household'],
    [/\bmiembro extra\b/g, 'extra member'],
    [/\bno (?:lo )?reconozco\b|\bno reconocido\b/g, 'unrecognized'],
    [/\bsin sonido\b/g, 'no sound'],
    [/\bcorreo electronico\b/g, 'email'],
    [/\bmetodo de pago\b/g, 'payment method'],
  ],
  words: {
    cancelar: 'cancel', cancelo: 'cancel', cancele: 'cancelled', cancelacion: 'cancel', darme: '', baja: 'cancel',
    suscripcion: 'membership', membresia: 'membership', cuenta: 'account',
    contrasena: 'password', clave: 'password', olvide: 'forgot', olvidado: 'forgot', restablecer: 'reset',
    entrar: 'sign in', acceder: 'sign in', hackeada: 'hacked', hackearon: 'hacked', hackeo: 'hacked', desconocido: 'unknown',
    cobro: 'charge', cobros: 'charges', cobraron: 'charged', cobrado: 'charged', cobran: 'charge', cargo: 'charge', doble: 'twice',
    reembolso: 'refund', devolucion: 'refund', devuelvan: 'refund', dinero: 'money', tarjeta: 'card', rechazada: 'declined', rechazo: 'declined',
    cuesta: 'cost', cuestan: 'cost', pago: 'payment', pagos: 'payments', factura: 'bill', recibo: 'receipt', precio: 'price', subio: 'went up', aumento: 'increase', impuesto: 'tax',
    saldo: 'balance', canjear: 'redeem', regalo: 'gift',
    pausar: 'pause', pausa: 'pause', reactivar: 'restart', volver: 'restart',
    hogar: 'household', casa: 'home', dispositivo: 'device', dispositivos: 'devices', television: 'tv', tele: 'tv', televisor: 'tv',
    subtitulos: 'subtitles', subtitulo: 'subtitles', audio: 'audio', idioma: 'language', sonido: 'sound',
    cargando: 'loading', carga: 'loading', congela: 'freezes', traba: 'freezes', calidad: 'quality', imagen: 'picture', borrosa: 'blurry',
    descargar: 'download', descargas: 'downloads', error: 'error', codigo: 'code',
    estafa: 'scam', falso: 'fake', falsa: 'fake', mensaje: 'message', correo: 'email', enlace: 'link',
    agente: 'agent', persona: 'person', hablar: 'talk', llamar: 'call', llamada: 'call', soporte: 'support', ayuda: 'help',
    invitacion: 'invitation', perfil: 'profile', ninos: 'kids', viaje: 'travel', mudanza: 'moved', mude: 'moved', titulo: 'title', pelicula: 'movie', serie: 'show',
    prueba: 'trial', gratis: 'free', gratuita: 'free', gratuito: 'free', descuento: 'discount', cupon: 'coupon', direccion: 'address',
    celular: 'phone', movil: 'phone', telefono: 'phone', aplicacion: 'app', pantalla: 'screen', negra: 'black', se: '',
    doblaje: 'dubbing', doblada: 'dubbed', bloqueada: 'on hold', suspendida: 'on hold', cambiar: 'change', cambio: 'change',
    comprobante: 'receipt', impuestos: 'tax', caro: 'expensive', barato: 'cheaper', plan: 'plan',
    estafador: 'scammer', llamaron: 'called', numero: 'number', enrutador: 'router', wifi: 'wifi', internet: 'internet',
    disponible: 'available', segunda: 'second', desconocida: 'unknown', miembro: 'member',
  },
};

const PORTUGUESE: Glossary = {
  stop: 'eu voce ele ela nos meu minha meus minhas me te se seu sua seus suas o a os as um uma uns umas e ou mas nao sim e sao foi era estou esta estao tem tenho quero posso pode como que por porque para com sem de do da dos das no na nos nas em ao onde quando qual quem muito mais ja ainda tambem so ola obrigado obrigada favor isso esse essa este esta',
  phrases: [
    [/\bduas vezes\b/g, 'twice'],
    [/\bnao (?:consigo|consegue|funciona|da para)\b/g, 'cannot'],
    [/\bfazer login\b/g, 'sign in'],
    [/\bcartao (?:de )?presente\b|\bvale[\s-]presente\b/g, 'gift card'],
    [/\bfora de sincronia\b|\bdessincronizad[oa]s?\b/g, 'out of sync'],
    [/\bnao faz parte\b/g, 'not part'],
    [/\bmembro extra\b/g, 'extra member'],
    [/\bcontrole parental\b/g, 'parental controls'],
    [/\bnao reconheco\b|\bnao reconhecida\b/g, 'unrecognized'],
    [/\bsem som\b/g, 'no sound'],
    [/\bforma de pagamento\b|\bmetodo de pagamento\b/g, 'payment method'],
  ],
  words: {
    cancelar: 'cancel', cancelei: 'cancelled', cancelamento: 'cancel', assinatura: 'membership', plano: 'plan', conta: 'account',
    senha: 'password', esqueci: 'forgot', redefinir: 'reset', entrar: 'sign in', login: 'sign in',
    invadida: 'hacked', invadiram: 'hacked', hackeada: 'hacked', desconhecido: 'unknown',
    cobranca: 'charge', cobrancas: 'charges', cobrado: 'charged', cobraram: 'charged', cobrou: 'charged', indevida: 'unrecognized', indevido: 'unrecognized',
    reembolso: 'refund', devolucao: 'refund', dinheiro: 'money', cartao: 'card', recusado: 'declined', recusada: 'declined',
    custa: 'cost', custam: 'cost', pagamento: 'payment', fatura: 'bill', recibo: 'receipt', preco: 'price', aumentou: 'increase', aumento: 'increase', imposto: 'tax',
    saldo: 'balance', resgatar: 'redeem', presente: 'gift',
    pausar: 'pause', reativar: 'restart', voltar: 'restart',
    residencia: 'household', casa: 'home', dispositivo: 'device', aparelho: 'device', televisao: 'tv',
    legendas: 'subtitles', legenda: 'subtitles', audio: 'audio', idioma: 'language', som: 'sound', sincronia: 'sync',
    carregando: 'loading', travando: 'freezing', trava: 'freezes', qualidade: 'quality', imagem: 'picture',
    baixar: 'download', downloads: 'downloads', erro: 'error', codigo: 'code',
    golpe: 'scam', falso: 'fake', falsa: 'fake', mensagem: 'message', enlace: 'link',
    atendente: 'agent', pessoa: 'person', falar: 'talk', ligar: 'call', suporte: 'support', ajuda: 'help',
    convite: 'invitation', perfil: 'profile', criancas: 'kids', viagem: 'travel', mudei: 'moved', titulo: 'title', filme: 'movie', serie: 'show',
    teste: 'trial', gratis: 'free', gratuito: 'free', gratuita: 'free', desconto: 'discount', cupom: 'coupon', endereco: 'address',
    celular: 'phone', telemovel: 'phone', telefone: 'phone', aplicativo: 'app', app: 'app', tela: 'screen', preta: 'black',
    dublagem: 'dubbing', dublado: 'dubbed', bloqueada: 'on hold', suspensa: 'on hold', mudar: 'change', trocar: 'change', alterar: 'change',
    impostos: 'tax', caro: 'expensive', barato: 'cheaper', golpista: 'scammer', ligaram: 'called', numero: 'number',
    roteador: 'router', internet: 'internet', disponivel: 'available', segunda: 'second', desconhecida: 'unknown', membro: 'member',
  },
};

const stopSets = new Map<string, Set<string>>();
function stops(language: string): Set<string> {
  let set = stopSets.get(language);
  if (!set) stopSets.set(language, (set = new Set(GLOSSARIES[language]?.stop.split(' ') ?? [])));
  return set;
}

export const GLOSSARIES: Readonly<Record<string, Glossary>> = { de: GERMAN, es: SPANISH, pt: PORTUGUESE };
/** The three languages' stop words together, built once (read on nearly every English search). */
const FOREIGN_STOPS: ReadonlySet<string> = new Set(Object.keys(GLOSSARIES).flatMap((language) => [...stops(language)]));

/**
 * The query in the articles' words when its language has a glossary and the
 * glossary knows at least one of its words; otherwise null (a short English
 * query is sometimes taken for Portuguese: "no subtitels"). The language's
 * small words ("wie", "mein", "um") are dropped; other words it does not
 * know are kept: a code or a device reads the same in every language, and
 * "carro usado" counts as words no article answers.
 */
export function translateQuery(query: string, language: string): string | null {
  const glossary = GLOSSARIES[language];
  if (!glossary) return null;
  let text = query.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');
  let found = 0;
  for (const [pattern, english] of glossary.phrases) {
    text = text.replace(pattern, () => {
      found++;
      return ` ${english} `;
    });
  }
  const words = text.split(/\s+/).map((word) => {
    const bare = word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    const english = glossary.words[bare];
    if (english !== undefined) {
      // A word spelt as in English ("audio", "error") says nothing about the language.
      if (english !== bare) found++;
      return english;
    }
    return stops(language).has(bare) ? '' : word;
  });
  return found > 0 ? words.filter((word) => word !== '').join(' ') : null;
}

/**
 * A query in two languages ("untertitel not working", "quiero cancel mi
 * cuenta"), which triage reads as English: each word the articles do not
 * know (`knows`) is looked up in every glossary, and when at least one is
 * found the others' small words are dropped. Null when none is found, so an
 * English query is never touched: a word the articles know stays as it is.
 */
export function translateForeignWords(query: string, knows: (word: string) => boolean): string | null {
  const glossaries = Object.values(GLOSSARIES);
  let found = 0;
  const words = query.split(/\s+/).map((word) => {
    const bare = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    if (bare === '' || knows(bare)) return { word, stop: false };
    for (const glossary of glossaries) {
      const english = glossary.words[bare];
      if (english !== undefined && english !== bare) {
        found++;
        return { word: english, stop: false };
      }
    }
    return { word, stop: FOREIGN_STOPS.has(bare) };
  });
  return found > 0 ? words.filter((entry) => !entry.stop).map((entry) => entry.word).join(' ') : null;
}
