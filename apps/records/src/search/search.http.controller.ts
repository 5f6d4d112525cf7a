import { Controller, Get, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import type { Audit } from '@paxscreen/contracts';
import { ApiError, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';
import {
  AuditView,
  DecisionView,
  FlightSummary,
  InvalidCursorError,
  InvalidSearchInputError,
  nameQuery,
  NameHit,
  optional,
  optionalInstant,
  Page,
  pageSize,
  reason,
  RecordsReader,
  required,
} from '@paxscreen/records';

import { SearchAudit } from './search-audit';

type Query = Record<string, string | undefined>;

/** Bad search input and foreign cursors are 400s with a stable code, never a 500. */
async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InvalidSearchInputError || err instanceof InvalidCursorError)
      throw new ApiError(400, err.code, err.message);
    throw err;
  }
}

const PAGING = [
  { name: 'limit', required: false, description: '1 to 200 (default 50)' },
  { name: 'cursor', required: false, description: 'nextCursor of the previous page' },
  { name: 'reason', required: false, description: 'why you look (kept in the audit record)' },
];
const ApiPaging = () => (target: object, key: string, descriptor: PropertyDescriptor) => {
  for (const q of PAGING) ApiQuery(q)(target, key, descriptor);
};

@ApiTags('records')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/records')
export class SearchHttpController {
  constructor(
    @Inject(RecordsReader) private readonly reader: RecordsReader,
    @Inject(SearchAudit) private readonly audit: SearchAudit,
  ) {}

  /** Writes the read's audit record (who, what, how many, why), then lets the page go out. */
  private async audited<T>(
    req: StaffRequest,
    q: Query,
    action: Audit.AuditAction,
    target: string,
    page: Page<T>,
    noun: string,
  ): Promise<Page<T>> {
    await this.audit.record(req.principal!, String(req.id), {
      action,
      target,
      outcome: `${page.items.length} ${noun}`,
      reason: reason(q.reason),
    });
    return page;
  }

  @Get('flights')
  @Roles('officer', 'analyst', 'supervisor')
  @ApiOperation({
    summary:
      'Flights by carrier, port (departure or arrival) and travel dates, with current outcomes counted',
  })
  @ApiQuery({ name: 'carrier', required: false, description: 'IATA / ICAO carrier code' })
  @ApiQuery({ name: 'port', required: false, description: 'departure or arrival port (IATA)' })
  @ApiQuery({ name: 'date', required: false, description: 'one travel date, YYYY-MM-DD' })
  @ApiQuery({ name: 'from', required: false, description: 'first travel date, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: false, description: 'last travel date, YYYY-MM-DD' })
  @ApiPaging()
  flights(@Req() req: StaffRequest, @Query() q: Query): Promise<Page<FlightSummary>> {
    return answer(async () => {
      const date = optional('date', q.date);
      const filter = {
        carrier: optional('carrier', q.carrier, true),
        port: optional('port', q.port, true),
        from: date ?? optional('date', q.from),
        to: date ?? optional('date', q.to),
      };
      const page = await this.reader.flights(filter, pageSize(q.limit), q.cursor);
      const target = `flights:${filter.carrier ?? '*'}:${filter.port ?? '*'}:${filter.from ?? ''}..${filter.to ?? ''}`;
      return this.audited(req, q, 'RECORDS_FLIGHT_LIST', target, page, 'flights');
    });
  }

  @Get('flights/:carrier/:number/:date')
  @Roles('officer', 'analyst', 'supervisor')
  @ApiOperation({ summary: "A flight's manifest: every traveller with their current decision" })
  @ApiPaging()
  flight(
    @Req() req: StaffRequest,
    @Param('carrier') carrier: string,
    @Param('number') number: string,
    @Param('date') date: string,
    @Query() q: Query,
  ): Promise<Page<DecisionView>> {
    return answer(async () => {
      const flight = {
        carrier: required('carrier', carrier, true),
        number: required('flightNumber', number, true),
        date: required('date', date),
      };
      const page = await this.reader.flightManifest(flight, pageSize(q.limit), q.cursor);
      return this.audited(
        req,
        q,
        'RECORDS_FLIGHT_MANIFEST',
        `flight:${flight.carrier}${flight.number}:${flight.date}`,
        page,
        'travellers',
      );
    });
  }

  @Get('travellers/:travellerId/history')
  @Roles('officer', 'analyst', 'supervisor')
  @ApiOperation({ summary: "A traveller's screenings, oldest first, with the supersedes chain" })
  @ApiPaging()
  history(
    @Req() req: StaffRequest,
    @Param('travellerId') travellerId: string,
    @Query() q: Query,
  ): Promise<Page<DecisionView>> {
    return answer(async () => {
      const id = required('travellerId', travellerId);
      const page = await this.reader.travellerHistory(id, pageSize(q.limit), q.cursor);
      return this.audited(req, q, 'RECORDS_TRAVELLER_HISTORY', `traveller:${id}`, page, 'decisions');
    });
  }

  @Get('documents/:issuer/:number')
  @Roles('officer', 'analyst', 'supervisor')
  @ApiOperation({ summary: 'Current decisions for a travel document (issuer + number)' })
  @ApiPaging()
  document(
    @Req() req: StaffRequest,
    @Param('issuer') issuer: string,
    @Param('number') number: string,
    @Query() q: Query,
  ): Promise<Page<DecisionView>> {
    return answer(async () => {
      const i = required('issuer', issuer, true);
      const n = required('documentNumber', number, true);
      const page = await this.reader.byDocument(i, n, pageSize(q.limit), q.cursor);
      return this.audited(req, q, 'RECORDS_DOCUMENT_LOOKUP', `document:${i}:${n}`, page, 'decisions');
    });
  }

  @Get('search/names')
  @Roles('officer', 'analyst', 'supervisor')
  @ApiOperation({
    summary: 'Name search (trigram similarity and transliteration variants): current decisions, best first',
  })
  @ApiQuery({ name: 'q', required: true, description: 'a name, e.g. "Muhammad Aly"' })
  @ApiPaging()
  names(@Req() req: StaffRequest, @Query() q: Query): Promise<Page<NameHit>> {
    return answer(async () => {
      const name = nameQuery(q.q);
      const page = await this.reader.searchNames(name, pageSize(q.limit), q.cursor);
      return this.audited(req, q, 'RECORDS_NAME_SEARCH', `name:${name}`, page, 'hits');
    });
  }

  @Get('audit')
  @Roles('auditor', 'supervisor')
  @ApiOperation({ summary: 'Audit events (who looked at whom, when, why), newest first' })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'target', required: false, description: 'e.g. traveller:<id>, flight:QF0001:2026-12-06' })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiPaging()
  auditEvents(@Req() req: StaffRequest, @Query() q: Query): Promise<Page<AuditView>> {
    return answer(async () => {
      if (q.target !== undefined && q.target.length > 200)
        throw new InvalidSearchInputError('target', 'at most 200 characters');
      const filter = {
        actor: optional('actor', q.actor),
        target: q.target || undefined,
        action: optional('action', q.action),
        from: optionalInstant('from', q.from),
        to: optionalInstant('to', q.to),
      };
      const page = await this.reader.audit(filter, pageSize(q.limit), q.cursor);
      return this.audited(
        req,
        q,
        'RECORDS_AUDIT_QUERY',
        filter.target ?? (filter.actor ? `actor:${filter.actor}` : 'audit'),
        page,
        'events',
      );
    });
  }
}
