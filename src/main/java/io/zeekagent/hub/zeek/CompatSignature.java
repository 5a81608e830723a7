package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The column types of a compat result event, read from its signature as the script renders it with Zeek's
 * {@code type_name(q$ev)}, which Zeek's {@code FuncType::DoDescribe} / {@code RecordType::DescribeFields} write as
 * {@code event(result:ZeekAgent::Result; pid:int; name:string;)}. The first parameter is the
 * {@code ZeekAgent::Result}; every further one is a column, in SELECT order. Parameters are separated by {@code ;}
 * or {@code ,} (outside brackets), a parameter is {@code name:type} with optional spaces, and attributes after the
 * type ({@code &optional}) are ignored.
 */
final class CompatSignature {

    private CompatSignature() {}

    /**
     * The column types, after the leading {@code Result}.
     *
     * @throws BrokerFormatException for a signature that is not an event's, has no {@code Result} parameter, or
     *     declares a column type the hub does not convert to
     */
    static List<CompatColumnType> columns(String signature) {
        String s = signature.strip();
        int open = s.indexOf('(');
        if (!s.startsWith("event") || open < 0 || !s.endsWith(")")) {
            throw new BrokerFormatException("ev_type '" + signature + "' is not an event signature");
        }
        List<String> params = split(s.substring(open + 1, s.length() - 1));
        if (params.isEmpty() || !typeOf(params.get(0)).endsWith("Result")) {
            throw new BrokerFormatException(
                    "ev_type '" + signature + "': the first parameter must be a ZeekAgent::Result");
        }
        List<CompatColumnType> columns = new ArrayList<>();
        for (String p : params.subList(1, params.size())) {
            columns.add(CompatColumnType.parse(typeOf(p)));
        }
        return List.copyOf(columns);
    }

    private static String typeOf(String param) {
        int colon = param.indexOf(':');
        if (colon <= 0) {
            throw new BrokerFormatException("parameter '" + param + "' is not name:type");
        }
        String type = param.substring(colon + 1).strip();
        int attribute = type.indexOf('&');
        return (attribute >= 0 ? type.substring(0, attribute) : type).strip();
    }

    private static List<String> split(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) {
                add(out, params.substring(start, i));
                start = i + 1;
            }
        }
        add(out, params.substring(start));
        return out;
    }

    private static void add(List<String> out, String param) {
        if (!param.isBlank()) {
            out.add(param.strip());
        }
    }
}
