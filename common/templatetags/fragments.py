from django import template

register = template.Library()


@register.tag
def fragment(parser, token):
    """{% fragment "name" %}…{% endfragment %}: the part of the page kept in the cache as
    the fragment "name" of the page's `fragments` (common/fragments.py); rendered in full
    when the page has none."""
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("{% fragment %} takes the fragment's name") from None
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(name), nodelist)


class FragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        fragments = context.get("fragments")
        if fragments is None:
            return self.nodelist.render(context)
        return fragments.render(self.name.resolve(context), lambda: self.nodelist.render(context))
