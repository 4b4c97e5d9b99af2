import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '../article-files.ts';
import { markdownToText } from '../markdown.ts';
import { BENCHMARK_QUERIES } from './benchmark-queries.ts';
import { DEV_NO_ANSWER, DEV_QUERIES } from './dev-queries-2026-12-06.ts';
import { VOICE_DEV_NO_ANSWER, VOICE_DEV_OFF_TOPIC, VOICE_DEV_QUERIES } from './dev-queries-voice-2026-12-06.ts';
import { TYPING_DEV_OFF_TOPIC, TYPING_DEV_QUERIES } from './dev-queries-typing-2026-12-06.ts';
import { translateQuery } from './language-glossary.ts';
import { createFuzzyVocabulary, editDistance } from './fuzzy-vocabulary.ts';
import { CONFIDENT_AT, createSearchIndex } from './search-index.ts';
import { meanReciprocalRank } from './search-quality.ts';
import { createSubstringSearch } from './substring-baseline.ts';
import { stem, terms } from './text-analysis.ts';

const articlesDir = fileURLToPath(new URL('../../../../content/articles/', import.meta.url));
const documents = readArticleFiles(path.resolve(articlesDir)).map((article) => ({ ...article, body: markdownToText(article.body) }));
const index = createSearchIndex(documents);
const top = (query: string) => index.search(query, 3).map((hit) => hit.slug);

describe('text analysis', () => {
  it('brings word forms of one word to one stem', () => {
    for (const group of [['charge', 'charged', 'charges', 'charging'], ['cancel', 'cancelled', 'canceled', 'cancelling', 'cancellation', 'cancels'], ['bill', 'billed', 'billing', 'bills'], ['use', 'used', 'using', 'uses'], ['movie', 'movies']]) {
      expect(new Set(group.map(stem)), group.join(',')).toHaveProperty('size', 1);
    }
  });

  it('joins "log in", "sign in" and "login" into one term and drops stop words', () => {
    expect(terms("I can't log in")).toEqual(terms('cannot sign in'));
    expect(terms('the and of my')).toEqual([]);
  });

  it('counts a swap of two letters as one edit and finds vocabulary words within the allowed distance', () => {
    expect(editDistance('chagre', 'charge', 2)).toBe(1);
    const vocabulary = createFuzzyVocabulary(['household', 'password', 'refund']);
    expect(vocabulary.closest('housold').map((match) => match.term)).toEqual(['household']);
    expect(vocabulary.closest('pasword').map((match) => match.term)).toEqual(['password']);
    expect(vocabulary.closest('xyz')).toEqual([]);
  });
});

describe('help search', () => {
  it('tolerates typos', () => {
    expect(top('forgot pasword')[0]).toBe('reset-your-password');
    expect(top('subtittles out of snyc')[0]).toBe('subtitles-problems');
    expect(top('refnd')[0]).toBe('refunds');
  });

  it('finds articles through synonyms: bill, charge and payment are one topic', () => {
    expect(top('why is there a debit from reelhouse')).toContain('why-was-i-charged');
    expect(top('bill declined')[0]).toBe('payment-failed-account-on-hold');
    expect(top('telly not working')[0]).toBe('tv-troubleshooting');
    expect(top('chargeback')[0]).toBe('dispute-with-your-bank');
  });

  it('matches word forms (stemming): "cancelled" finds the article that says "cancel"', () => {
    expect(top('cancellations')[0]).toBe('cancel-your-membership');
    expect(top('cancelled but still billed')).toContain('charged-after-cancelling');
    expect(top('pausing')[0]).toBe('pause-your-membership');
  });

  it('ranks a title match above a body mention', () => {
    expect(top('restart')[0]).toBe('restart-your-membership');
  });

  it('answers nothing for an empty or stop-word-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
  });

  it(`reaches MRR@5 ≥ 0.9 on the ${BENCHMARK_QUERIES.length} benchmark queries, well above the substring baseline`, () => {
    expect(BENCHMARK_QUERIES.length).toBeGreaterThanOrEqual(60);
    const slugs = new Set(documents.map((doc) => doc.slug));
    for (const query of BENCHMARK_QUERIES) for (const slug of query.expected) expect(slugs.has(slug), `${query.query} → ${slug}`).toBe(true);
    const engine = meanReciprocalRank(BENCHMARK_QUERIES, index.search);
    const baseline = meanReciprocalRank(BENCHMARK_QUERIES, createSubstringSearch(documents).search);
    expect(engine.mrr).toBeGreaterThanOrEqual(0.9);
    expect(engine.mrr).toBeGreaterThan(baseline.mrr);
  });
});

describe('how members type (issue 10)', () => {
  it('joins an error code however it is typed into one term', () => {
    for (const typed of ['AP-310', 'ap310', 'ap 310', 'Ap_310']) expect(terms(typed), typed).toEqual(['ap310']);
    expect(terms('ui-800-3')).toEqual(['ui8003']);
    expect(terms('charged in 2026')).toEqual(['charg', '2026']);
  });

  it("finds a known code's article, and the error-code article for a code we don't know", () => {
    for (const query of ['ap310', 'ap 310', 'Ap-310']) expect(top(query)[0], query).toBe('tv-troubleshooting');
    expect(top('hh430')[0]).toBe('not-part-of-your-household');
    expect(top('px601')[0]).toBe('vpn-or-proxy-detected');
    for (const query of ['nw25', 'ui8003']) expect(top(query)[0], query).toBe('error-codes-explained');
  });

  it('understands device names and short forms with generic words in the articles', () => {
    expect(top('roku not working')[0]).toBe('tv-troubleshooting');
    expect(top('firestick keeps buffering')).toContain('buffering-or-video-will-not-play');
    expect(top('does it work on playstation')).toContain('supported-devices');
    expect(top('cancel my sub')[0]).toBe('cancel-your-membership');
    expect(top('forgot pw')[0]).toBe('reset-your-password');
    expect(top('got hacked')[0]).toBe('someone-else-is-using-my-account');
    expect(top('vid keeps loading')[0]).toBe('buffering-or-video-will-not-play');
    expect(top('acct on hold')).toContain('payment-failed-account-on-hold');
  });

  it('answers the new topics: gift cards, gift-card scams, transcripts, two-step sign-in, screens, title requests, parental controls', () => {
    expect(top('redeem gift code')[0]).toBe('redeem-a-gift-card');
    expect(top('gift card balance')[0]).toBe('gift-cards-and-balance');
    expect(top('caller wants me to pay with gift cards')[0]).toBe('gift-card-scams');
    expect(top('download chat transcript')[0]).toBe('chat-transcripts');
    expect(top('2fa')[0]).toBe('two-step-sign-in');
    expect(top('how many screens at once')[0]).toBe('how-many-screens');
    expect(top('please add a movie')[0]).toBe('request-a-title');
    expect(top('parental controls')[0]).toBe('parental-controls');
    expect(top('support hours')[0]).toBe('about-reelhouse');
    expect(top('rate the agent')[0]).toBe('rate-your-support');
  });

  it('finds the gift-card articles for members\' own words (issue 12): redeeming, the balance, another currency, scams', () => {
    const cases: [string, string][] = [
      ['where do i enter my gift card code', 'redeem-a-gift-card'],
      ['how do I use a reelhouse gift card', 'redeem-a-gift-card'],
      ['gift code already redeemed', 'redeem-a-gift-card'],
      ['how much is left on my gift card', 'gift-cards-and-balance'],
      ['why was my card charged when i have a gift card', 'gift-cards-and-balance'],
      ['my gift balance ran out', 'gift-cards-and-balance'],
      ['how long will my gift card last', 'gift-cards-and-balance'],
      ['gift card bought in another country', 'gift-card-wrong-currency'],
      ['gift card in euros not accepted', 'gift-card-wrong-currency'],
      ['gift card says wrong currency', 'gift-card-wrong-currency'],
      ['someone on the phone wants me to pay with gift cards', 'gift-card-scams'],
      ['they asked me to read the numbers on the back of the gift card', 'gift-card-scams'],
      ['is it a scam if support asks for gift cards', 'gift-card-scams'],
    ];
    for (const [query, slug] of cases) expect(top(query)[0], query).toBe(slug);
  });

  it('returns nothing when no article is a good answer, and says how sure it is', () => {
    for (const query of ['recipe for lasagna', 'weather tomorrow', 'asdfgh']) {
      const result = index.rank(query, 5);
      expect(result.hits, query).toEqual([]);
      expect(result.confident).toBe(false);
      expect(result.confidence).toBeLessThan(CONFIDENT_AT);
    }
    const answered = index.rank('cancel my membership', 5);
    expect(answered.confident).toBe(true);
    expect(answered.hits[0]?.slug).toBe('cancel-your-membership');
  });

  it(`reaches MRR@5 ≥ 0.92 on the ${DEV_QUERIES.length} development queries and offers results for at most 30 % of the ${DEV_NO_ANSWER.length} with no answer`, () => {
    const slugs = new Set(documents.map((doc) => doc.slug));
    for (const query of DEV_QUERIES) for (const slug of query.expected) expect(slugs.has(slug), `${query.query} → ${slug}`).toBe(true);
    expect(meanReciprocalRank(DEV_QUERIES, index.search).mrr).toBeGreaterThanOrEqual(0.92);
    const offered = DEV_NO_ANSWER.filter((query) => index.search(query, 5).length > 0);
    expect(offered.length / DEV_NO_ANSWER.length).toBeLessThanOrEqual(0.3);
  });
});

describe('how members ask (issue 10, second round)', () => {
  it('joins codes typed with dots, spaces between every part or a typographic dash', () => {
    for (const typed of ['ap.310', 'AP – 310'.replace(' – ', '–'), 'err ap-310']) expect(terms(typed).at(-1), typed).toBe('ap310');
    expect(terms('nw 2 5')).toEqual(['nw25']);
    expect(terms('UI 800 3')).toEqual(['ui8003']);
    expect(terms('top 10 shows in 2 days')).toEqual(['top', '10', 'show', '2', 'day']);
  });

  it('reads learners\' and spoken phrasings as the articles word them', () => {
    expect(terms('i am not able to enter in my account')).toEqual(['cannot', 'login', 'account']);
    expect(terms('give back my money')).toEqual(['refund']);
    expect(terms('how come you took money')).toEqual(['charg']);
    expect(stem('taxes')).toBe(stem('tax'));
  });

  it('answers German, Spanish and Portuguese with the English articles, and tells the page the language', () => {
    for (const [query, slug, language] of [['wie kann ich mein abo kündigen', 'cancel-your-membership', 'de'], ['olvidé mi contraseña', 'reset-your-password', 'es'], ['minha conta foi invadida', 'someone-else-is-using-my-account', 'pt']] as const) {
      const result = index.rank(query, 3);
      expect(result.hits[0]?.slug, query).toBe(slug);
      expect(result.language, query).toBe(language);
    }
    expect(index.rank('cancel my membership').language).toBeNull();
    expect(translateQuery('no subtitels', 'pt')).toBeNull();
    expect(translateQuery('quanto custa um carro usado', 'pt')).toBe('quanto cost carro usado');
  });

  it('offers nothing for a question that has nothing to do with us, even when one word is ours', () => {
    for (const query of ['weather in berlin tomorrow', 'what is the capital of australia', 'quanto custa um carro usado', 'cheap hotels in rome']) expect(index.search(query, 5), query).toEqual([]);
    // A device or a code keeps a query ours whatever triage thinks of it.
    expect(top('got a new router tv stopped working')).toContain('moved-or-new-router');
  });

  it('finds the articles written for this round', () => {
    expect(top('do you have a free trial')[0]).toBe('free-trials-and-promo-codes');
    expect(top('how do i delete my account and all my data')[0]).toBe('delete-your-account-and-data');
    expect(top('update the email on my account')[0]).toBe('change-your-email-or-phone');
    expect(top('watch party')[0]).toBe('watching-together');
  });

  it(`reaches MRR@5 ≥ 0.92 on the ${VOICE_DEV_QUERIES.length} voice-set queries, offers results for at most 20 % of its ${VOICE_DEV_NO_ANSWER.length} unanswerable and 10 % of its ${VOICE_DEV_OFF_TOPIC.length} off-topic ones`, () => {
    const slugs = new Set(documents.map((doc) => doc.slug));
    for (const query of VOICE_DEV_QUERIES) for (const slug of query.expected) expect(slugs.has(slug), `${query.query} → ${slug}`).toBe(true);
    expect(meanReciprocalRank(VOICE_DEV_QUERIES, index.search).mrr).toBeGreaterThanOrEqual(0.92);
    expect(VOICE_DEV_NO_ANSWER.filter((query) => index.search(query, 5).length > 0).length / VOICE_DEV_NO_ANSWER.length).toBeLessThanOrEqual(0.2);
    expect(VOICE_DEV_OFF_TOPIC.filter((query) => index.search(query, 5).length > 0).length / VOICE_DEV_OFF_TOPIC.length).toBeLessThanOrEqual(0.1);
  });

  it('splits words typed without their space, but not real compound words', () => {
    expect(top('cancelmy membership pls')[0]).toBe('cancel-your-membership');
    expect(top('remove extramember from my acc')[0]).toBe('remove-an-extra-member');
    // "homework" is an English word, not "home work": no household article for it.
    expect(top('homework help math')).toEqual([]);
  });

  it('reads the foreign words of a query in two languages', () => {
    expect(top('untertitel not working')[0]).toBe('subtitles-problems');
    expect(top('pausar my membership')[0]).toBe('pause-your-membership');
    // An English query is not touched: every word is one the articles know.
    expect(top('subtitles not working')[0]).toBe('subtitles-problems');
  });

  it(`reaches MRR@5 ≥ 0.86 on the ${TYPING_DEV_QUERIES.length} typing-set queries and offers nothing for its ${TYPING_DEV_OFF_TOPIC.length} off-topic ones`, () => {
    const slugs = new Set(documents.map((doc) => doc.slug));
    for (const query of TYPING_DEV_QUERIES) for (const slug of query.expected) expect(slugs.has(slug), `${query.query} → ${slug}`).toBe(true);
    expect(meanReciprocalRank(TYPING_DEV_QUERIES, index.search).mrr).toBeGreaterThanOrEqual(0.86);
    expect(TYPING_DEV_OFF_TOPIC.filter((query) => index.search(query, 5).length > 0)).toEqual([]);
  });
});
