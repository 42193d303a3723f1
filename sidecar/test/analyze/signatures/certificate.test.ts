/** Real-world wordings of the certificate family's failures (signatures/certificate.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('certificate', [
  c(
    "Home Assistant's own certificate it cannot use",
    input('http', [
      line(
        'Error during setup of component http: Could not use SSL certificate from /ssl/fullchain.pem: [Errno 2] No such file or directory',
        'ERROR',
        'homeassistant.setup',
      ),
    ]),
    'certificate.own_certificate_unreadable',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    "Let's Encrypt unable to reach the host on port 80",
    input('hassio', [
      line(
        'Certbot failed to authenticate some domains (authenticator: standalone). The Certificate Authority reported these problems:',
        'UNKNOWN',
        null,
      ),
    ]),
    'certificate.acme_challenge_failed',
    'certificate',
    'check_network_or_device',
  ),
  c(
    "Let's Encrypt not finding the DNS challenge's TXT record",
    input('hassio', [
      line(
        '  Detail: Incorrect TXT record "U2mpmjQPedGxChqh3Jd6srW4yf3vFty_oCTpfsiJ_JQ" found at _acme-challenge.myhome.duckdns.org',
        'UNKNOWN',
        null,
      ),
    ]),
    'certificate.acme_challenge_failed',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    "a broker's certificate file that is not there",
    input('hassio', [
      line(
        '2024-05-01 10:00:00: Error: Unable to load server certificate "/ssl/fullchain.pem". Check certfile.',
        'UNKNOWN',
        null,
      ),
    ]),
    'certificate.addon_certificate_missing',
    'certificate',
    'check_network_or_device',
  ),
  c(
    // The scraped site signed its handshake in a way OpenSSL 3 refuses.
    'a handshake OpenSSL gives up on',
    input('multiscrape', [
      line(
        'Scraper_noname_0 # Updating failed with exception: [SSL: WRONG_SIGNATURE_TYPE] wrong signature type (_ssl.c:997)',
        'ERROR',
        'custom_components.multiscrape.coordinator',
      ),
    ]),
    'certificate.handshake_refused',
    'certificate',
    'notify_only',
  ),
  c(
    'a certificate for another name',
    input('unifi', [
      line(
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, certificate is not valid for '192.168.1.1'",
      ),
    ]),
    'certificate.name_mismatch',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    "a cloud service's certificate for other names",
    input('evohome', [
      line(
        'Cannot connect to host tccna.example.com:443 ssl:True [SSLCertVerificationError: (1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for \'tccna.example.com\'. (_ssl.c:1020)")]',
      ),
    ]),
    'certificate.name_mismatch',
    'certificate',
    'notify_only',
  ),
  c(
    "a cloud service's certificate for other names, in a custom integration",
    input('waste_collection_schedule', [
      line(
        "HTTPSConnectionPool(host='www.example.co.uk', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, \"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'www.example.co.uk'. (_ssl.c:1082)\")))",
      ),
    ]),
    'certificate.name_mismatch',
    'certificate',
    'update_or_remove_custom_component',
  ),
  c(
    "a cloud service's certificate a custom integration cannot verify",
    input('uk_bin_collection', [
      line(
        "HTTPSConnectionPool(host='eform.example.gov.uk', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1081)')))",
      ),
    ]),
    'certificate.verification_failed',
    'certificate',
    'update_or_remove_custom_component',
  ),
  c(
    'an expired certificate',
    input('rest', [
      line(
        '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)',
      ),
    ]),
    'certificate.expired',
    'certificate',
    'check_network_or_device',
  ),
  c(
    "an internet service's expired certificate: its operator renews it",
    input('alphaess', [
      line(
        "Cannot connect to host openapi.alphaess.com:443 ssl:True [SSLCertVerificationError: (1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1000)')]",
      ),
    ]),
    'certificate.expired',
    'certificate',
    'notify_only',
  ),
  c(
    'a self-signed certificate',
    input('synology_dsm', [
      line(
        '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)',
      ),
    ]),
    'certificate.self_signed',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'HTTPS against a plain HTTP port',
    input('nut', [line('[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)')]),
    'certificate.wrong_protocol',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'an unverifiable certificate',
    input('pi_hole', [
      line(
        'Error doing job: SSL handshake failed on verifying the certificate',
        'ERROR',
        'homeassistant.core',
      ),
    ]),
    'certificate.verification_failed',
    'certificate',
    'notify_only',
  ),
  c(
    "Home Assistant's own certificate file",
    input('http', [
      line(
        'Could not read SSL certificate from /ssl/fullchain.pem: [Errno 2] No such file or directory',
      ),
    ]),
    'certificate.own_certificate_unreadable',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'a proxy add-on whose certificate was never issued',
    input('hassio', [
      line(
        'nginx: [emerg] cannot load certificate "/etc/letsencrypt/live/npm-1/fullchain.pem": BIO_new_file() failed',
      ),
    ]),
    'certificate.addon_certificate_missing',
    'certificate',
    'check_network_or_device',
  ),
  c(
    'garbage instead of TLS from a cloud service',
    input('acme_cloud', [
      line(
        'Cannot connect to host api.example.com:443 ssl:default [SSL] record layer failure (_ssl.c:1000)',
      ),
    ]),
    'certificate.wrong_protocol',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    "a cloud service's certificate no one can verify, in a log that does not name the integration",
    input(null, [
      line(
        "The source returned an invalid response: \"HTTPSConnectionPool(host='online.example.gov.uk', port=443): Max retries exceeded with url: /MyCollectionDay (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1000)')))\"",
      ),
    ]),
    'certificate.verification_failed',
    'certificate',
    'update_or_remove_custom_component',
  ),
  c(
    "a cloud service's incomplete chain, in a core integration",
    input('melcloud', [
      line(
        "Cannot connect to host app.melcloud.com:443 ssl:True [SSLCertVerificationError: (1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1000)')]",
      ),
    ]),
    'certificate.verification_failed',
    'certificate',
    'notify_only',
  ),
]);
