# make install: DESTDIR staging puts every file in place and uninstall removes
# them; an install under a PREFIX can be built against through pkg-config.
. "$(dirname "$0")/lib.sh"
command -v pkg-config >/dev/null || { echo "pkg-config missing" >&2; exit 77; }
B=${VCHAIN_BUILD:-build}
stage=$TMP/stage
make -s -C "$SRC" O="$B" install DESTDIR="$stage" PREFIX=/usr/local >"$TMP/install.log" 2>&1
RC=$?
expect_rc install-destdir 0
check installed-binary test -x "$stage/usr/local/bin/vchain"
check installed-header test -f "$stage/usr/local/include/vchain/vchain.h"
check installed-library test -f "$stage/usr/local/lib/libvchain.a"
check installed-pc test -f "$stage/usr/local/lib/pkgconfig/vchain.pc"
check installed-man test -f "$stage/usr/local/share/man/man1/vchain.1"
make -s -C "$SRC" O="$B" uninstall DESTDIR="$stage" PREFIX=/usr/local >/dev/null 2>&1
check uninstalled-binary test ! -e "$stage/usr/local/bin/vchain"
check uninstalled-headers test ! -e "$stage/usr/local/include/vchain"

prefix=$TMP/prefix
make -s -C "$SRC" O="$B" install PREFIX="$prefix" >"$TMP/install2.log" 2>&1
cat >"$TMP/consumer.c" <<'C'
#include <vchain/vchain.h>
int main(void)
{
    struct vc_graph g;
    vc_graph_init(&g);
    vc_graph_release(&g);
    return vc_status_str(VC_OK)[0] == 's' ? 0 : 1;
}
C
flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs vchain)
# a sanitizer build of the library needs the sanitizer runtime too
cc ${VCHAIN_SANITIZE:+-fsanitize=$VCHAIN_SANITIZE} -o "$TMP/consumer" "$TMP/consumer.c" $flags >"$TMP/cc.log" 2>&1
RC=$?
expect_rc consumer-builds 0
[ "$RC" -eq 0 ] || cat "$TMP/cc.log"
check consumer-runs "$TMP/consumer"
make -s -C "$SRC" O="$B" uninstall PREFIX="$prefix" >/dev/null 2>&1
finish
