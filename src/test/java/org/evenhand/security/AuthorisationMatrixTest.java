package org.evenhand.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.AccessRules.Fixtures;
import org.evenhand.testing.AccessRules.Rule;
import org.evenhand.testing.AccessRules.Scope;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every role (member, caseworker, panel, nec, dpo, anonymous) × own and foreign
 * resources, generated from the OpenAPI document (plus the JAX-RS pages it hides) and checked
 * against the policy in {@link AccessRules}: anonymous 401 (pages: sent to sign in), a role not
 * allowed 403, someone else's resource 404 (existence does not leak), one's own let in.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = new TreeSet<>();
        Endpoints.fromOpenApi().forEach(op -> endpoints.add(op.key()));
        endpoints.addAll(Endpoints.jaxRsMethods());
        List<String> missing = endpoints.stream().filter(e -> !AccessRules.RULES.containsKey(e)).toList();
        assertTrue(missing.isEmpty(), "endpoints with no access rule (add them to AccessRules.RULES, with who may"
                + " call them and what own/foreign means): " + missing);
        List<String> stale = AccessRules.RULES.keySet().stream().filter(k -> !endpoints.contains(k)).toList();
        assertTrue(stale.isEmpty(), "rules for endpoints that no longer exist: " + stale);
    }

    @Test
    void theOpenApiDocumentDeclaresTheRolesOfThePolicy() {
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Operation op : Endpoints.fromOpenApi()) {
            Rule rule = AccessRules.RULES.get(op.key());
            if (rule == null) {
                continue;
            }
            Set<String> declared = new TreeSet<>(op.declaredRoles());
            Set<String> policy = rule.scope() == Scope.PUBLIC ? Set.of() : new TreeSet<>(rule.roles());
            if (!declared.equals(policy)) {
                wrong.add(op.key() + ": annotated " + declared + ", policy " + policy);
            }
        }
        assertTrue(wrong.isEmpty(), "role annotations differ from the access policy: " + wrong);
    }

    @Test
    void everyRoleOnEveryEndpointWithOwnAndForeignResources() {
        Fixtures f = Fixtures.get();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        List<Cell> plan = new ArrayList<>();
        for (Endpoints.Operation op : Endpoints.fromOpenApi()) {
            plan.add(new Cell(op.method(), op.path(), op.pathParams()));
        }
        // pages are hidden from the OpenAPI document; the scan of the JAX-RS resources finds them
        for (String page : Endpoints.jaxRsMethods()) {
            if (plan.stream().noneMatch(c -> (c.method + " " + c.path).equals(page))) {
                String[] mp = page.split(" ", 2);
                List<String> params = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(mp[1]);
                while (m.find()) {
                    params.add(m.group(1));
                }
                plan.add(new Cell(mp[0], mp[1], params));
            }
        }
        for (Cell c : plan) {
            Rule rule = AccessRules.RULES.get(c.method + " " + c.path);
            if (rule == null) {
                failures.add(c.method + " " + c.path + ": no rule");
                continue;
            }
            boolean scoped = switch (rule.scope()) {
                case CASE_PARTY, CASE_RESPONDENT, STAFF_CASE, TASK, EVIDENCE_OWNER, CASE_TO_END -> true;
                default -> false;
            };
            for (String role : AccessRules.ROLES) {
                for (boolean own : scoped && rule.allows(role) ? List.of(true, false) : List.of(true)) {
                    cells++;
                    String user = f.user(role, rule.scope(), own);
                    Response r = send(c, rule, f, role, user);
                    String expected = expectation(rule, role, own);
                    String problem = check(expected, rule, r);
                    if (problem != null) {
                        failures.add(String.format("%s %s as %s%s (%s): %s", c.method, c.path, role,
                                user == null ? "" : " " + user, own ? "own" : "foreign", problem));
                    }
                }
            }
        }
        System.out.println("authorisation matrix: " + plan.size() + " endpoints, " + cells + " cells checked");
        assertTrue(failures.isEmpty(), failures.size() + " cells broke the access policy:\n"
                + failures.stream().collect(Collectors.joining("\n")));
    }

    record Cell(String method, String path, List<String> params) {
    }

    private static Response send(Cell c, Rule rule, Fixtures f, String role, String user) {
        RequestSpecification req = given().redirects().follow(false);
        if (user != null) {
            req = req.auth().oauth2(AccessRules.token(user, role));
        }
        String path = c.path;
        for (String p : c.params) {
            path = path.replace("{" + p + "}", f.param(p, rule.scope(), role));
        }
        for (Map.Entry<String, String> q : rule.query().entrySet()) {
            req = req.queryParam(q.getKey(), q.getValue());
        }
        Object body = rule.matrixBody().apply(f);
        if (rule.scope() == Scope.PAGE && "POST".equals(c.method) && body != AccessRules.MULTIPART_WITHOUT_FILE) {
            // a page is posted as a browser posts it: a form
            req = req.contentType(ContentType.URLENC).formParam("field", "value");
        } else if (body == AccessRules.MULTIPART_WITHOUT_FILE) {
            for (Map.Entry<String, String> field : AccessRules.MULTIPART_WITHOUT_FILE.entrySet()) {
                req = req.multiPart(field.getKey(), field.getValue());
            }
        } else if ("POST".equals(c.method) || "PUT".equals(c.method)) {
            req = req.contentType(ContentType.JSON).body(body == null ? Map.of() : body);
        }
        return req.request(c.method, path);
    }

    /** anonymous → 401 (page: redirect); role not allowed → 403; foreign → 404; own → the rule's statuses */
    private static String expectation(Rule rule, String role, boolean own) {
        if (rule.scope() == Scope.PUBLIC) {
            return "ok";
        }
        if ("anonymous".equals(role)) {
            return rule.scope() == Scope.PAGE ? "login" : "401";
        }
        if (rule.scope() == Scope.PAGE) {
            return "login"; // pages take no bearer tokens: a browser signs in through Keycloak
        }
        if (!rule.allows(role)) {
            return "403";
        }
        return own ? "ok" : "404";
    }

    private static String check(String expected, Rule rule, Response r) {
        int s = r.statusCode();
        String type = String.valueOf(r.contentType());
        return switch (expected) {
            case "ok" -> rule.ownOk().contains(s) ? null : "expected one of " + rule.ownOk() + ", got " + s + " " + body(r);
            case "401" -> s == 401 && r.header("WWW-Authenticate") != null ? null
                    : "expected 401 with WWW-Authenticate, got " + s;
            case "login" -> (s == 302 || s == 303) && String.valueOf(r.header("Location")).contains("response_type=code")
                    ? null : "expected a redirect to the sign-in page, got " + s + " " + r.header("Location");
            case "403", "404" -> s == Integer.parseInt(expected) && type.startsWith("application/problem+json") ? null
                    : "expected " + expected + " problem+json, got " + s + " " + type + " " + body(r);
            default -> throw new IllegalArgumentException(expected);
        };
    }

    private static String body(Response r) {
        String b = r.asString();
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
