#!/usr/bin/env bash
# Debian packages the test suites drive as independent oracles or hosts:
# openssl (signature oracle), chromium (the VS Code test host's browser),
# php-cli, php-xml and golang-go (the snippet tests). Installs only what is missing.
set -euo pipefail
need=()
command -v openssl >/dev/null || need+=(openssl)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v php >/dev/null || need+=(php-cli)
# The PHP snippets read the gateway's XML with SimpleXML (Debian: php-xml).
php -r 'exit(extension_loaded("simplexml") ? 0 : 1);' 2>/dev/null || need+=(php-xml)
command -v go >/dev/null || need+=(golang-go)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-system-tools: missing ${need[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  echo "install-system-tools: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
