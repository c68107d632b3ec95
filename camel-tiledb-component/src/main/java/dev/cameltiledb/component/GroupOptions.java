package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of the group operations. Each can be overridden per message by its header. */
@UriParams
public class GroupOptions extends OptionGroup<GroupOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For group lists: only groups of this type (generic, vcf, soma, bioimg, pointcloud, raster, geometry, vector_search).")
    private String groupType;

    @UriParam(
            label = "producer",
            defaultValue = "true",
            description =
                    "For group lists: true lists every group regardless of nesting, false only top-level groups. Sent with every list, true unless told, as the Python client does (the service lists only top-level groups when it gets none).")
    private Boolean flat = true;

    @UriParam(
            label = "producer",
            description =
                    "For group lists: only the children of this group id; for group register: the parent group (name or id).")
    private String parent;

    @UriParam(
            label = "producer",
            description =
                    "For group contents: only members of these asset types (comma-separated: array, group, notebook...).")
    private String memberTypes;

    @UriParam(
            label = "producer",
            description = "For group contents: no members of these asset types (comma-separated).")
    private String excludeMemberTypes;

    @UriParam(
            label = "producer",
            description =
                    "For addMembers and removeMembers: the members, comma-separated: of a group, tiledb://namespace/name URIs or names in the group's namespace; of a workspace, teamspace or organization, users by id or name; of a folder, asset paths or ids. For assets move: the assets to move (paths or ids).")
    private String members;

    @UriParam(
            label = "producer",
            defaultValue = "array",
            description = "For addMembers: whether the members are arrays or groups.")
    private MemberType memberType = MemberType.array;

    @UriParam(
            label = "producer",
            description =
                    "For group delete and deregister: also delete or deregister every member, descending into sub-groups.")
    private Boolean recursive;

    public String getGroupType() {
        return groupType;
    }

    public void setGroupType(String groupType) {
        this.groupType = groupType;
    }

    public Boolean getFlat() {
        return flat;
    }

    public void setFlat(Boolean flat) {
        this.flat = flat;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public String getMemberTypes() {
        return memberTypes;
    }

    public void setMemberTypes(String memberTypes) {
        this.memberTypes = memberTypes;
    }

    public String getExcludeMemberTypes() {
        return excludeMemberTypes;
    }

    public void setExcludeMemberTypes(String excludeMemberTypes) {
        this.excludeMemberTypes = excludeMemberTypes;
    }

    public String getMembers() {
        return members;
    }

    public void setMembers(String members) {
        this.members = members;
    }

    public MemberType getMemberType() {
        return memberType;
    }

    public void setMemberType(MemberType memberType) {
        this.memberType = memberType;
    }

    public Boolean getRecursive() {
        return recursive;
    }

    public void setRecursive(Boolean recursive) {
        this.recursive = recursive;
    }
}
