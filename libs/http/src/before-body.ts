import type { FastifyInstance, FastifyRequest } from 'fastify';

import { ApiError } from './api-error';

/**
 * A check of a request's headers, run before its body is read: throws ApiError to refuse. Bodies
 * are read whole before Nest's guards run, so a guard alone lets an unauthenticated client make a
 * service read (and hold) a body up to the limit first (issue 20, item 6: 150 MiB list uploads read
 * before their 401).
 */
export type HeaderCheck = (req: FastifyRequest) => void | Promise<void>;

/**
 * `METHOD /route/pattern` of the route the router matched (`POST /v1/messages`,
 * `GET /v1/poe/documents/:issuer/:number`), undefined when none did. Keyed on the matched route,
 * not the raw URL, a check or a limit cannot be dodged by spelling the path differently
 * (`/v1/%6Dessages` is routed to `/v1/messages`).
 */
export function matchedRoute(req: FastifyRequest): string | undefined {
  const url = req.routeOptions?.url;
  return url ? `${req.method} ${url}` : undefined;
}

/**
 * Runs `checks[route]` for the matched route once the headers are in and before the body is read
 * (Fastify's preParsing stage, after the rate limit). A refusal closes the connection, so the
 * unread body is never taken in.
 */
export function checkBeforeBody(
  fastify: FastifyInstance,
  checks: Readonly<Record<string, HeaderCheck>>,
): void {
  fastify.addHook('preParsing', async (req, reply, payload) => {
    const route = matchedRoute(req);
    const check = route ? checks[route] : undefined;
    if (!check) return payload;
    try {
      await check(req);
    } catch (err) {
      if (err instanceof ApiError) void reply.header('connection', 'close');
      throw err;
    }
    return payload;
  });
}

/**
 * At most `limit` requests in progress; up to `queue` more wait their turn (first come, first
 * served); beyond that a request is refused at once.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly queue: number,
  ) {}

  get inProgress(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves true once a slot is held (call `leave` after), false when the queue is full. */
  enter(): Promise<boolean> | boolean {
    if (this.active < this.limit) {
      this.active++;
      return true;
    }
    if (this.waiting.length >= this.queue) return false;
    return new Promise((resolve) => this.waiting.push(() => resolve(true)));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** The slot each request admitted by limitConcurrency holds, to give back early (releaseSlot). */
const slots = new WeakMap<FastifyRequest, () => void>();

/**
 * Puts the matched `routes` behind a ConcurrencyGate before their bodies are read (after the
 * checks registered before it): a request waits for a slot, or is refused with `busy` when the
 * queue is full. The slot is given back when the response is finished or the connection closes,
 * or earlier by the route itself (releaseSlot).
 */
export function limitConcurrency(
  fastify: FastifyInstance,
  routes: ReadonlySet<string>,
  gate: ConcurrencyGate,
  busy: () => ApiError,
): void {
  fastify.addHook('preParsing', async (req, reply, payload) => {
    const route = matchedRoute(req);
    if (!route || !routes.has(route)) return payload;
    // Listened to before waiting: a client gone while queued must not keep its slot once given.
    let closed = false;
    let held = false;
    const release = () => {
      if (held) gate.leave();
      held = false;
    };
    reply.raw.once('close', () => {
      closed = true;
      release();
    });
    if (!(await gate.enter())) {
      void reply.header('connection', 'close').header('retry-after', '1');
      throw busy();
    }
    if (closed) gate.leave();
    else {
      held = true;
      slots.set(req, release);
    }
    return payload;
  });
}

/**
 * Gives back the slot `req` holds (limitConcurrency) before its response is finished: for a request
 * whose own work is done and that only waits (an iAPI request waiting for screening's reply). Once
 * only; nothing when it holds none.
 */
export function releaseSlot(req: FastifyRequest): void {
  slots.get(req)?.();
}

/**
 * Carriers' CPU-bound steps (reading a manifest, hashing its bytes) take turns: each turn starts
 * from a fresh `setImmediate`, so the I/O that arrived meanwhile (an officer's look-up, a Redis
 * reply) is served between two turns instead of after all of them. A turn runs the steps waiting,
 * in order, until it has spent `budgetMs`; the rest wait for the next turn. A step still runs
 * whole, so a turn lasts at most its budget plus one step; the gate above bounds how many wait.
 * (One step per turn made a small step wait a whole loop iteration for each step before it: under
 * load, a one-traveller iAPI request waited tens of ms in line for a read of 0.1 ms.)
 */
export class TakeTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly budgetMs = 1) {}

  run<T>(step: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(step());
        } catch (err) {
          reject(err as Error);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const until = performance.now() + this.budgetMs;
    do this.waiting.shift()!();
    while (this.waiting.length > 0 && performance.now() < until);
    if (this.waiting.length > 0) this.schedule();
  }
}
