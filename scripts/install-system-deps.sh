#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: MariaDB, Chromium with CJK fonts,
# SoftHSMv2 and OpenSC. As root it uses apt-get; otherwise it names the missing packages.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

apt_ensure mariadbd mariadb-server mariadb-client
apt_ensure chromium chromium
apt_ensure /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
apt_ensure softhsm2-util softhsm2
apt_ensure pkcs11-tool opensc
apt_ensure openssl openssl
apt_ensure pdftotext poppler-utils
apt_ensure gcc gcc
apt_ensure /usr/include/p11-kit-1/p11-kit/pkcs11.h libp11-kit-dev
