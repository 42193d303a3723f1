/** A service refusing requests because there were too many: waiting helps, retrying hurts. */
import type { SignatureFamily } from '../types.js';

/** Services refusing requests because of rate limits or quotas. */
export const rateLimit: SignatureFamily = {
  family: 'rate_limit',
  signatures: [
    {
      id: 'too_many_requests',
      match: {
        text: [
          /(?:HTTP|status|code|error|returned|response|got)[^\n\d]{0,20}\b429\b|\b429\b[^\n]{0,20}(?:Too Many|rate|limit|quota)|\(429\)/i,
          /\btoo[ _]many[ _](?:concurrent[ _])?requests?\b/i,
          // Electrolux's cloud: "You have exceeded the maximum number of active sessions".
          /\bexceeded the maximum number of (?:active )?(?:sessions|requests|calls|connections)\b/i,
          /\brate[- ]?limit(?:ed|ing)?\b/i,
          /\bthrottl(?:ed|ing)\b|Throttl(?:ed|ing)(?:Error|Exception)\b/i,
          // Netatmo's error 26.
          /\bUser usage reached\b/,
          // Telegram's answer to a bot that sends too fast.
          /\bFlood control exceeded\b/,
          // Growatt's "error_frequently_access".
          /\berror_frequently_access\b|\baccess(?:ed)? too frequently\b/i,
          // pytapo: the camera locks out a client that failed too often.
          /\bTemporary Suspension: Try again in \d+/,
          /\btoo many (?:login |sign-?in |authentication |connection )?(?:attempts|calls)\b/i,
          /\b(?:exceeded|reached|over) (?:your |the |its )?(?:current |daily |monthly |hourly |api |request )*(?:quota|request limit|call limit)\b/i,
          /\bquota (?:exceeded|exhausted|reached)\b|\binsufficient_quota\b|\bRESOURCE_EXHAUSTED\b|\bResource has been exhausted\b|\bAPI (?:call |request )?limit (?:reached|exceeded)\b|\bRequest limit reached\b/i,
          /\b(?:allowed )?(?:number of )?requests (?:has |have )?(?:been )?exceeded\b|\bexceeded\b[^\n]{0,40}\b(?:limit|quota)\b|\/rate_limit\b/i,
          // "daily limit exceeded", "request limit reached", "usage limit hit": the limit named first.
          /\b(?:daily|monthly|hourly|request|call|api|usage|rate) limit (?:has been |was )?(?:exceeded|reached|hit)\b/i,
          // HACS stops itself while GitHub's rate limit lasts.
          /\bHACS is disabled - rate_limit\b/,
          // "Reached maximum requests for login" (Roborock), "polling limit has been exceeded" (Solcast).
          /\bReached (?:the )?maximum (?:number of )?requests\b|\bpolling limit (?:has been |was )?(?:exceeded|reached)\b/i,
          // Cloudflare in front of a vendor's cloud turns away a client that asks too often.
          /\bblock(?:ed)? by Cloudflare\b/i,
          // Let's Encrypt's limit on certificates for the same names.
          /\btoo many certificates (?:\(\d+\) )?already issued\b/i,
          // The companion apps' push relay: as many sent as the day allows.
          /\bpush notification rate limits for [^:\n]+: (\d+) sent, \1 allowed\b/,
        ],
      },
      category: 'rate_limited',
      remedy: 'notify_only',
      severity: 'warning',
      confidence: 0.85,
      title: '{integration} is being rate limited by its service',
      rootCause:
        'The service behind {integration} refused requests because too many were made (“{detail}”). Polling too often, several apps or installations sharing one account or API key, or a used-up plan quota all lead here.',
      impact:
        'Updates from {integration} stop or lag until the limit resets; entities may go stale or unavailable meanwhile.',
      actions: [],
      tests: [
        {
          kind: 'no_new_matching_errors',
          description: 'No new rate-limit errors from {integration} after the quota window.',
          timeout_s: 3600,
        },
      ],
      manualSteps: [
        'Wait for the limit to reset: retrying, reloading or restarting sooner only extends the block.',
        'Poll less often: Settings → Devices & services → {integration} → System options → turn off polling and refresh with your own automation at a gentler interval.',
        'Check whether other apps or installations use the same account or API key, or whether the plan’s quota is used up.',
      ],
    },
  ],
};
