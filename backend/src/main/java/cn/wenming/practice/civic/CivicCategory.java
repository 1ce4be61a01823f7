package cn.wenming.practice.civic;

/** What a 随手拍 is about (GraphQL {@code CivicCategory}); stored by name, never renamed. */
public enum CivicCategory {

	PARKING("乱停乱放"), LITTER("垃圾乱扔乱堆"), FACILITY("公共设施损坏"), ROAD("道路交通隐患"),
	ENVIRONMENT("环境卫生与噪声"), BEHAVIOUR("不文明行为"), OTHER("其他");

	private final String label;

	CivicCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
