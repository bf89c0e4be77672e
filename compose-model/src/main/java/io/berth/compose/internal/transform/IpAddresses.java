package io.berth.compose.internal.transform;

/** IP address syntax checks without name resolution (InetAddress would do DNS lookups for names). */
public final class IpAddresses {
    private IpAddresses() {
    }

    public static boolean isValid(String s) {
        return isV4(s) || isV6(s);
    }

    public static boolean isV4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return false;
        }
        for (String o : p) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255
                    || (o.length() > 1 && o.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isV6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return false;
        }
        String addr = s;
        int groupsNeeded = 8;
        int lastColon = addr.lastIndexOf(':');
        String tail = addr.substring(lastColon + 1);
        if (tail.contains(".")) {
            if (!isV4(tail)) {
                return false;
            }
            addr = addr.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = addr.indexOf("::");
        if (dbl >= 0 && addr.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups;
        if (dbl >= 0) {
            String left = addr.substring(0, dbl);
            String right = addr.substring(dbl + 2);
            String[] l = left.isEmpty() ? new String[0] : left.split(":", -1);
            String[] r = right.isEmpty() ? new String[0] : right.split(":", -1);
            if (l.length + r.length > groupsNeeded - 1) {
                return false;
            }
            groups = new String[l.length + r.length];
            System.arraycopy(l, 0, groups, 0, l.length);
            System.arraycopy(r, 0, groups, l.length, r.length);
        } else {
            groups = addr.split(":", -1);
            if (groups.length != groupsNeeded) {
                return false;
            }
        }
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4) {
                return false;
            }
            for (int i = 0; i < g.length(); i++) {
                if (Character.digit(g.charAt(i), 16) < 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
