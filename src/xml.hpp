// RAII handles for libxml2 and a small read-only view of element nodes.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace prikaz {

class Range;

struct XmlDocDeleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// A string libxml2 allocated for us (xmlNodeGetContent, xmlGetProp…).
struct XmlCharDeleter {
    void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlChars = std::unique_ptr<xmlChar, XmlCharDeleter>;

inline std::string_view as_view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// A read-only view of an element; a null view answers every question with
// "nothing", so lookups of absent data need no checks (as pugixml's empty node).
class Node {
public:
    Node() = default;
    explicit Node(xmlNode* node) : node_(node) {}

    explicit operator bool() const { return node_ != nullptr; }
    xmlNode* raw() const { return node_; }

    std::string_view name() const { return node_ ? as_view(node_->name) : std::string_view(); }
    std::string_view ns() const { return node_ && node_->ns ? as_view(node_->ns->href) : std::string_view(); }
    int line() const { return node_ ? static_cast<int>(xmlGetLineNo(node_)) : 0; }

    bool has_attr(const char* attr) const { return node_ && xmlHasProp(node_, BAD_CAST attr); }
    std::string attr(const char* attr) const {
        if (!node_) return {};
        xmlChar* v = xmlGetProp(node_, BAD_CAST attr);
        std::string out(as_view(v));
        xmlFree(v);
        return out;
    }

    // Concatenated text of the element and its descendants.
    std::string text() const {
        if (!node_) return {};
        xmlChar* v = xmlNodeGetContent(node_);
        std::string out(as_view(v));
        xmlFree(v);
        return out;
    }

    bool has_element_children() const {
        for (Node c = first_child(); c; c = c.next()) return true;
        return false;
    }

    Node first_child() const { return node_ ? skip(node_->children) : Node(); }
    Node next() const { return node_ ? skip(node_->next) : Node(); }
    Node child(std::string_view wanted) const {
        for (Node c = first_child(); c; c = c.next())
            if (c.name() == wanted) return c;
        return Node();
    }

    // Iterates element children: for (Node c : node.children()) ...
    Range children() const;

private:
    static Node skip(xmlNode* n) {
        while (n && n->type != XML_ELEMENT_NODE) n = n->next;
        return Node(n);
    }
    xmlNode* node_ = nullptr;
};

// The element children of a node, for range-for.
class Range {
public:
    struct Iter {
        Node n;
        Node operator*() const { return n; }
        Iter& operator++() {
            n = n.next();
            return *this;
        }
        bool operator!=(const Iter& o) const { return n.raw() != o.n.raw(); }
    };
    explicit Range(Node first) : first_(first) {}
    Iter begin() const { return {first_}; }
    Iter end() const { return {Node()}; }

private:
    Node first_;
};

inline Range Node::children() const { return Range(first_child()); }

}  // namespace prikaz
