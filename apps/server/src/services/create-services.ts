import type { Adapters } from '../adapters/create-adapters';
import { AccessTokens } from './accounts/access-tokens';
import { AccessService } from './accounts/access.service';
import { AccountDataService } from './accounts/account-data.service';
import { AccountTokens } from './accounts/account-tokens';
import { AdminService } from './accounts/admin.service';
import { AuthService } from './accounts/auth.service';
import { DelegationService } from './accounts/delegation.service';
import { ProfileService } from './accounts/profile.service';
import { SignInThrottle } from './accounts/sign-in-throttle';
import { TwoFactorService } from './accounts/two-factor.service';
import { UserVault } from './accounts/user-vault';
import { AuditService, SYSTEM_CONTEXT } from './audit/audit.service';
import { EmailService } from './email/email.service';
import { JobService } from './jobs/job.service';
import { EstimateService } from './tax/estimate.service';
import { ReturnsService } from './returns/returns.service';
import { ReviewService } from './returns/review.service';
import { DocumentEvents } from './documents/document-events';
import { DOCUMENT_JOB_RETRY, DocumentPipeline } from './documents/document-pipeline';
import { DocumentService } from './documents/document.service';
import { TransactionsService } from './transactions/transactions.service';

/** Builds every use-case service from the adapters and registers the job handlers. */
export function createServices(adapters: Adapters) {
  const { config, clock, log, metrics } = adapters;
  const db = adapters.database.db;
  const publicUrl = config.http.publicUrl;
  const require2fa = config.security.require2fa;

  const jobs = new JobService(db, adapters.jobQueue, clock, log, metrics);
  const audit = new AuditService(db, clock);
  const emails = new EmailService(adapters.mailer, log);
  const vault = new UserVault(adapters.keyRing);
  const tokens = new AccessTokens(adapters.tokenSecret, clock);
  const accountTokens = new AccountTokens(clock);
  const throttle = new SignInThrottle(db, clock);
  const twoFactor = new TwoFactorService(db, clock, vault, audit, throttle, emails, require2fa);
  const auth = new AuthService({
    db,
    clock,
    audit,
    emails,
    tokens,
    accountTokens,
    throttle,
    vault,
    metrics,
    twoFactor,
    publicUrl,
    require2fa,
  });
  const profiles = new ProfileService(db, vault, audit, emails, accountTokens, twoFactor, auth, publicUrl);
  const delegations = new DelegationService(db, audit, emails, accountTokens, publicUrl);
  const access = new AccessService(delegations, audit);
  const accountData = new AccountDataService(
    db,
    clock,
    vault,
    adapters.blobStore,
    audit,
    emails,
    profiles,
    auth,
    delegations,
  );
  const admin = new AdminService(db, audit);
  const estimates = new EstimateService(metrics);
  const returns = new ReturnsService(db, clock, audit, adapters.lodgment);
  const reviews = new ReviewService(db, audit);
  const documentEvents = new DocumentEvents(db, log);
  const documentPipeline = new DocumentPipeline({
    db,
    blobs: adapters.blobStore,
    vault,
    ocr: adapters.ocr,
    events: documentEvents,
    log,
  });
  const transactions = new TransactionsService(db, audit, returns);
  const documents = new DocumentService({
    db,
    blobs: adapters.blobStore,
    vault,
    audit,
    jobs,
    events: documentEvents,
    pipeline: documentPipeline,
    returns,
    transactions,
    log,
  });

  jobs.register({
    'system.selftest': {
      handle: async (payload) => {
        if (payload.holdMs) await new Promise((resolve) => setTimeout(resolve, payload.holdMs));
        return { marker: payload.marker, pid: process.pid };
      },
      retry: { maxAttempts: 3, backoffMs: 500 },
    },
    'account.purge-closed': {
      handle: async () => ({ purged: await accountData.purgeDue(SYSTEM_CONTEXT) }),
    },
    'storage.sweep-orphans': {
      handle: async () => {
        const previous = (await jobs.lastResult('storage.sweep-orphans'))?.candidates;
        return accountData.sweepOrphanFiles(
          Array.isArray(previous) ? (previous as string[]) : [],
          SYSTEM_CONTEXT,
        );
      },
    },
    'document.process': {
      handle: async (payload, context) => documentPipeline.process(payload.documentId, context),
      retry: DOCUMENT_JOB_RETRY,
    },
  });
  jobs.daily('account.purge-closed', (day) => ({ day }));
  jobs.daily('storage.sweep-orphans', (day) => ({ day }));

  return {
    documents,
    documentEvents,
    documentPipeline,
    transactions,
    estimates,
    returns,
    reviews,
    jobs,
    audit,
    emails,
    vault,
    tokens,
    throttle,
    twoFactor,
    auth,
    profiles,
    delegations,
    access,
    accountData,
    admin,
  };
}

export type Services = ReturnType<typeof createServices>;
