package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CloudFormation's intrinsic functions and JSON building blocks, so resources read close to the template. */
final class Cfn {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Cfn() {
    }

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr(Object... items) {
        ArrayNode a = F.arrayNode();
        for (Object i : items) {
            if (i instanceof JsonNode n) {
                a.add(n);
            } else {
                a.add(String.valueOf(i));
            }
        }
        return a;
    }

    static ObjectNode resource(String type, ObjectNode properties) {
        ObjectNode r = obj().put("Type", type);
        r.set("Properties", properties);
        return r;
    }

    static ObjectNode ref(String logicalId) {
        return obj().put("Ref", logicalId);
    }

    static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode n = obj();
        n.set("Fn::GetAtt", arr(logicalId, attribute));
        return n;
    }

    static ObjectNode sub(String template) {
        return obj().put("Fn::Sub", template);
    }

    /** An IAM policy statement. */
    static ObjectNode statement(String effect, ArrayNode actions, JsonNode resources) {
        ObjectNode s = obj().put("Effect", effect);
        s.set("Action", actions);
        s.set("Resource", resources);
        return s;
    }

    static ObjectNode policyDocument(ObjectNode... statements) {
        ObjectNode d = obj().put("Version", "2012-10-17");
        d.set("Statement", arr((Object[]) statements));
        return d;
    }
}
