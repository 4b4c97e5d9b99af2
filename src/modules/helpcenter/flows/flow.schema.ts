import { z } from 'zod';
import { INTENTS } from '../../triage/index.ts';

/**
 * A guided flow is content (content/flows/<id>.json), not code: a decision
 * tree of steps. Questions and steps offer options that lead to another
 * step; an end says how the run finished. The shape is checked here, the
 * graph (every `next` resolves, every path ends) in `flows.rules.ts`.
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes');

export const OUTCOMES = ['solved', 'not_solved', 'contact'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const WARNING_KINDS = ['deletes_downloads', 'signs_out'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

const optionSchema = z.object({
  id: slug,
  label: z.string().min(1).max(120),
  next: slug,
  /** On a step with a warning: this option does not do the risky thing ("Skip this step"), so it needs no confirmation. */
  skip: z.boolean().optional(),
}).strict();

const common = {
  id: slug,
  title: z.string().min(1).max(140),
  /** Paragraphs separated by a blank line. */
  text: z.string().max(2000).default(''),
};

const questionSchema = z.object({ ...common, kind: z.literal('question'), options: z.array(optionSchema).min(2) }).strict();

const actionSchema = z.object({
  ...common,
  kind: z.literal('step'),
  /** What to do, in order. */
  instructions: z.array(z.string().min(1).max(400)).default([]),
  /** Shown before the step; every option not marked `skip` then needs an explicit confirmation. */
  warning: z.object({ kind: z.enum(WARNING_KINDS), text: z.string().min(1).max(500) }).strict().optional(),
  options: z.array(optionSchema).min(1),
}).strict();

const endSchema = z.object({
  ...common,
  kind: z.literal('end'),
  outcome: z.enum(OUTCOMES),
  /** Where to go next: another flow, an account page, the contact page. Site-relative only. */
  links: z.array(z.object({ label: z.string().min(1).max(120), href: z.string().regex(/^\/(?!\/)\S*$/, 'must be a path on this site') }).strict()).default([]),
}).strict();

export const stepSchema = z.discriminatedUnion('kind', [questionSchema, actionSchema, endSchema]);

export const flowSchema = z.object({
  id: slug,
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(300),
  /** Triage intents this flow helps with (the contact page offers it for them). */
  intents: z.array(z.enum(INTENTS)).default([]),
  /** The device a run is about when the flow is for one kind only (the TV flow). */
  device: z.string().optional(),
  start: slug,
  steps: z.array(stepSchema).min(2),
}).strict();

export type FlowOption = z.infer<typeof optionSchema>;
export type FlowStep = z.infer<typeof stepSchema>;
export type Flow = z.infer<typeof flowSchema>;
